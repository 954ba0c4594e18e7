package io.github.eventcat.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One run of the CLI as a shell would do it: arguments, stdin, environment in; exit code, stdout, stderr out. */
record CliRun(int exitCode, String stdout, String stderr) {
    static CliRun run(String stdin, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = EventCli.run(
                    args,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    outStream,
                    errStream,
                    environment::get);
        }
        CliRun run = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("eventcat " + String.join(" ", args) + "\n-> exit " + code + "\nstdout:\n" + run.stdout
                + "stderr:\n" + run.stderr);
        return run;
    }

    List<String> stdoutLines() {
        return stdout.lines().filter(line -> !line.isBlank()).toList();
    }
}
