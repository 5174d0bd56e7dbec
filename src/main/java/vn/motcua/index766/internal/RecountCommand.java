package vn.motcua.index766.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.platform.command.Command;

/** {@code java -jar motcua.jar recount-index}: rebuilds the 766 facts and aggregates from the dossiers. */
@Component
class RecountCommand implements Command {

    private final Index766Recount recount;

    RecountCommand(Index766Recount recount) {
        this.recount = recount;
    }

    @Override
    public String name() {
        return "recount-index";
    }

    @Override
    public String summary() {
        return "rebuild the Decision 766 index (facts and aggregates) from the dossiers";
    }

    @Override
    public int run(List<String> args) {
        long started = System.currentTimeMillis();
        long n = recount.recount();
        System.out.println("recount-index: " + n + " dossiers in " + (System.currentTimeMillis() - started) + " ms");
        return 0;
    }
}
