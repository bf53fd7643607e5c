package dev.llmqa.snippet.worker;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine, remembering the last wrapper class it ran so the worker can read a value as the
 * object it is: jshell only hands out values already quoted and escaped.
 */
final class LocalEngine implements ExecutionControlProvider {

    private volatile Control control;

    @Override
    public String name() {
        return "llmqa-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new Control();
        return control;
    }

    /** The current value of the variable {@code name} of the snippet that ran last, or null if unknown. */
    Object lastValue(String name) {
        Control c = control;
        Class<?> wrapper = c == null ? null : c.lastWrapper;
        if (wrapper == null) {
            return null;
        }
        try {
            Field field = wrapper.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the first class redefinition jshell asked for since {@link #newEval()} would have succeeded in the
     * jshell tool's remote JVM; null when none was asked for.
     */
    Boolean redefinedInTool() {
        Control c = control;
        return c == null ? null : c.redefinable;
    }

    void newEval() {
        Control c = control;
        if (c != null) {
            c.redefinable = null;
        }
    }

    private static final class Control extends LocalExecutionControl {
        private volatile Class<?> lastWrapper;
        private final Map<String, byte[]> loaded = new HashMap<>();
        private Boolean redefinable;

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            super.load(cbcs);
            for (ClassBytecodes cbc : cbcs) {
                loaded.put(cbc.name(), cbc.bytecodes());
            }
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            if (redefinable == null) {
                boolean all = true;
                for (ClassBytecodes cbc : cbcs) {
                    byte[] previous = loaded.get(cbc.name());
                    all &= previous != null && ClassShape.redefinable(previous, cbc.bytecodes());
                }
                redefinable = all;
            }
            super.redefine(cbcs);
        }

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            lastWrapper = doitMethod.getDeclaringClass();
            return super.invoke(doitMethod);
        }
    }
}
