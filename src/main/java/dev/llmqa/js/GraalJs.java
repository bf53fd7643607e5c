package dev.llmqa.js;

import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The fallback that needs nothing but the JDK: the pinned files in GraalJS contexts inside the JVM (interpreted on a
 * stock JDK, about 20 times slower than Node). One context per library, each loaded on its first batch, so math and
 * highlighting load and run at the same time on two threads.
 */
public final class GraalJs implements JsEngine {

    private final Script katex = new Script("katex.min.js", Pinned.KATEX_SCRIPT);
    private final Script highlight = new Script("highlight.min.js", Pinned.HIGHLIGHT_SCRIPT);

    @Override
    public String name() {
        return "GraalJS";
    }

    @Override
    public List<TexResult> typeset(List<Tex> formulas) {
        return Glue.typesetAnswer(katex.answer(Glue.typesetRequest(formulas)), formulas.size());
    }

    @Override
    public List<Optional<String>> highlight(List<Code> blocks) {
        return Glue.highlightAnswer(highlight.answer(Glue.highlightRequest(blocks)), blocks.size());
    }

    @Override
    public void close() {
        try (Script k = katex; Script h = highlight) {
            // both closed, each even when the other fails
        }
    }

    /** One library and the glue in a context of their own, made on first use; one batch at a time. */
    private static final class Script implements AutoCloseable {

        private final String name;
        private final String resource;
        private Context context;
        private Value answer;

        Script(String name, String resource) {
            this.name = name;
            this.resource = resource;
        }

        synchronized String answer(String request) {
            try {
                if (context == null) {
                    context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                    // plain scripts in the global scope, as Node's runner evaluates them: the libraries set globals
                    context.eval("js", "var module = undefined, exports = undefined, define = undefined;");
                    context.eval(Source.newBuilder("js", Pinned.read(resource), name).buildLiteral());
                    context.eval(Source.newBuilder("js", Pinned.read(Pinned.GLUE), "engine.js").buildLiteral());
                    answer = context.getBindings("js").getMember("llmqa").getMember("answer");
                }
                return answer.execute(request).asString();
            } catch (PolyglotException e) {
                throw new Failed("GraalJS failed running " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}
