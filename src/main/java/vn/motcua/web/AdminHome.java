package vn.motcua.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's start page: where each setting lives. */
@Controller
class AdminHome {

    @GetMapping("/quan-tri")
    String home() {
        return "admin/home";
    }
}
