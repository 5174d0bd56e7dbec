package vn.motcua.platform.command;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code java -jar motcua.jar help}: the commands there are. */
@Component
class HelpCommand implements Command {

    private final ObjectProvider<Command> commands;

    HelpCommand(ObjectProvider<Command> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "liệt kê các lệnh";
    }

    @Override
    public int run(List<String> args) {
        System.out.println("Cách dùng: java -jar motcua.jar <lệnh> [tùy chọn]   (không có lệnh: chạy máy chủ web)");
        // Spring leaves this bean out of its own list of commands
        java.util.stream.Stream.concat(commands.stream().filter(c -> c != this), java.util.stream.Stream.of(this))
                .sorted(Comparator.comparing(Command::name))
                .forEach(c -> System.out.printf("  %-15s %s%n", c.name(), c.summary()));
        return 0;
    }
}
