package vn.motcua.platform.command;

import java.util.List;

/**
 * A one-shot administrative command run from the command line instead of the web server, e.g.
 * {@code java -jar target/motcua.jar generate --dossiers 1000}. {@code MotCuaApplication} starts the
 * application context without a web server, runs the command whose {@link #name()} equals the first
 * argument, and exits with its return code.
 */
public interface Command {

    /** The first command-line argument that selects this command, e.g. {@code generate}. */
    String name();

    /** One line for {@code java -jar motcua.jar help}. */
    String summary();

    /** Runs the command with the remaining arguments; returns the process exit code (0 = success). */
    int run(List<String> args) throws Exception;
}
