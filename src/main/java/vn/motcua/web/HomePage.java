package vn.motcua.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.catalog.Catalog;
import vn.motcua.organization.UnitLevel;

/** The portal's home page: search, most used procedures, browse by field and level, tracking. */
@Controller
class HomePage {

    private final Catalog catalog;

    HomePage(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("popular", catalog.popular(8));
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("levels", UnitLevel.values());
        return "home";
    }
}
