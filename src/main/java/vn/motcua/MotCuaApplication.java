package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** MotCua ("một cửa", one door): the province's online public administrative services. */
@SpringBootApplication
public class MotCuaApplication {
    public static void main(String[] args) {
        SpringApplication.run(MotCuaApplication.class, args);
    }
}
