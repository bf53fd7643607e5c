package dev.llmqa.snippet;

import dev.llmqa.build.Folders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real jshell tool with piped inputs and splits what it prints per input. */
final class JShellTool {

    private static final String MARK = "@@@";

    private JShellTool() {
    }

    /**
     * Each input's display in the tool's "normal" feedback mode. The prompt is set to a marker (in a mode copied
     * from normal, so the feedback formats are the same) to split the output.
     */
    static List<String> transcript(List<String> inputs) throws IOException, InterruptedException {
        Path preferences = Files.createTempDirectory("llmqa-jshell-prefs");
        try {
            return transcript(inputs, preferences);
        } finally {
            Folders.delete(preferences);
        }
    }

    private static List<String> transcript(List<String> inputs, Path preferences) throws IOException, InterruptedException {
        List<String> command = JshellToolTest.tool(preferences);
        command.addAll(List.of("-q", "-J-Dfile.encoding=UTF-8"));
        Process jshell = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = jshell.getOutputStream()) {
            StringBuilder script = new StringBuilder();
            script.append("/set mode llmqa normal -quiet\n");
            script.append("/set prompt llmqa \"\\n" + MARK + "\\n\" \"\"\n");
            script.append("/set feedback llmqa\n");
            for (String input : inputs) {
                script.append(input).append('\n');
            }
            script.append("/exit\n");
            in.write(script.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(jshell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jshell.waitFor(60, TimeUnit.SECONDS)) {
            jshell.destroyForcibly();
            throw new IOException("jshell did not finish");
        }
        List<String> chunks = new ArrayList<>(Arrays.asList(out.split(MARK, -1)));
        chunks.remove(0);
        chunks.remove(chunks.size() - 1);
        List<String> shown = new ArrayList<>();
        for (String chunk : chunks) {
            shown.add(chunk.endsWith("\n") ? chunk.substring(0, chunk.length() - 1) : chunk);
        }
        return shown;
    }
}
