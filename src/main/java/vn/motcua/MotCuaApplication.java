package vn.motcua;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.platform.command.Command;

/**
 * MotCua ("một cửa", one door): the province's online public administrative services.
 *
 * <p>{@code java -jar motcua.jar [--server.port=N ...]} runs the web server. {@code java -jar motcua.jar <command>
 * [options]} (a first argument that is not an option, e.g. {@code generate}, {@code recount-index}, {@code help})
 * starts the application without a listening web server ({@code server.port=-1}: the web application context,
 * which the security configuration needs, is built but no connector opens), the background schedulers or the demo history, runs the
 * {@link Command} of that name on the configured database (or the embedded default) and exits with its code.
 * Options {@code --spring.*}, {@code --motcua.*}, {@code --logging.*} are passed to Spring, the rest to the command.
 */
@SpringBootApplication
public class MotCuaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(MotCuaApplication.class, args);
    }

    static int runCommand(String[] args) {
        String name = args[0];
        List<String> springArgs = new ArrayList<>(List.of(
                // the servlet context is kept (the security configuration needs it) but no port is opened:
                // server.port=-1 starts no web server connector
                "--server.port=-1",
                "--db-scheduler.enabled=false",          // no outbox dispatch, overdue watch or deliveries during a load
                "--motcua.demo.history.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.vn.motcua=INFO"));
        List<String> commandArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--spring.") || a.startsWith("--motcua.") || a.startsWith("--logging.")) {
                springArgs.add(a);
            } else {
                commandArgs.add(a);
            }
        }
        SpringApplication app = new SpringApplication(MotCuaApplication.class);
        try (ConfigurableApplicationContext ctx = app.run(springArgs.toArray(String[]::new))) {
            List<Command> commands = ctx.getBeansOfType(Command.class).values().stream()
                    .sorted(Comparator.comparing(Command::name)).toList();
            Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                System.err.println("Lệnh không có: " + name + ". Các lệnh: "
                        + String.join(", ", commands.stream().map(Command::name).toList()));
                return 2;
            }
            return command.run(commandArgs);
        } catch (Exception e) {
            System.err.println("Lệnh " + name + " thất bại: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
