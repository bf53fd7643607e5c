// 04-agents: a ReAct loop driven by a scripted model, a calculator tool, a max-steps guard, and the cost of a loop.
// Loaded by the site build before the page's snippets; `jshell examples/04-agents.jsh` runs the checks.

// @start region="calculator"
// A tool: evaluates + - * / and parentheses over decimal numbers (recursive descent, no eval of code).
double calculator(String expression) {
    String s = expression.replace(" ", "");
    int[] pos = {0};
    double value = calcSum(s, pos);
    if (pos[0] != s.length()) throw new IllegalArgumentException("unexpected '" + s.charAt(pos[0]) + "' in " + expression);
    return value;
}
double calcSum(String s, int[] pos) {
    double v = calcProduct(s, pos);
    while (pos[0] < s.length() && (s.charAt(pos[0]) == '+' || s.charAt(pos[0]) == '-'))
        v = s.charAt(pos[0]++) == '+' ? v + calcProduct(s, pos) : v - calcProduct(s, pos);
    return v;
}
double calcProduct(String s, int[] pos) {
    double v = calcAtom(s, pos);
    while (pos[0] < s.length() && (s.charAt(pos[0]) == '*' || s.charAt(pos[0]) == '/'))
        v = s.charAt(pos[0]++) == '*' ? v * calcAtom(s, pos) : v / calcAtom(s, pos);
    return v;
}
double calcAtom(String s, int[] pos) {
    if (pos[0] < s.length() && s.charAt(pos[0]) == '-') { pos[0]++; return -calcAtom(s, pos); }
    if (pos[0] < s.length() && s.charAt(pos[0]) == '(') {
        pos[0]++;
        double v = calcSum(s, pos);
        if (pos[0] >= s.length() || s.charAt(pos[0]++) != ')') throw new IllegalArgumentException("missing ) in " + s);
        return v;
    }
    int start = pos[0];
    while (pos[0] < s.length() && (Character.isDigit(s.charAt(pos[0])) || s.charAt(pos[0]) == '.')) pos[0]++;
    if (start == pos[0]) throw new IllegalArgumentException("number expected at " + start + " in " + s);
    return Double.parseDouble(s.substring(start, pos[0]));
}
// @end region="calculator"

// Tool output as the model sees it: whole numbers without a trailing ".0".
String formatNumber(double x) { return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x); }

// @start region="scripted-model"
// A stand-in for the LLM: returns the given replies in order and then repeats the last one forever.
Function<String, String> scriptedModel(String... replies) {
    int[] next = {0};
    return prompt -> replies[Math.min(next[0]++, replies.length - 1)];
}
// @end region="scripted-model"

// @start region="react-loop"
record AgentResult(String answer, int llmCalls, int toolCalls, List<String> transcript) {}

// ReAct: ask the model, run the tool it names, append the observation, repeat until a final answer or maxSteps.
AgentResult react(Function<String, String> llm, Map<String, Function<String, String>> tools, String question, int maxSteps) {
    List<String> transcript = new ArrayList<>(List.of("Question: " + question));
    Pattern action = Pattern.compile("Action: (\\w+)\\[(.*)\\]");
    int toolCalls = 0;
    for (int step = 1; step <= maxSteps; step++) {
        String reply = llm.apply(String.join("\n", transcript));      // the whole history goes back in every time
        transcript.add(reply);
        int done = reply.indexOf("Final Answer:");
        if (done >= 0) return new AgentResult(reply.substring(done + 13).trim(), step, toolCalls, transcript);
        Matcher m = action.matcher(reply);
        if (!m.find()) { transcript.add("Observation: no action found; use Action: tool[input]"); continue; }
        Function<String, String> tool = tools.get(m.group(1));
        String observation;
        if (tool == null) observation = "unknown tool " + m.group(1);
        else {
            toolCalls++;
            try { observation = tool.apply(m.group(2)); } catch (RuntimeException e) { observation = "error: " + e.getMessage(); }
        }
        transcript.add("Observation: " + observation);
    }
    return new AgentResult("stopped: no answer after " + maxSteps + " steps", maxSteps, toolCalls, transcript);
}
// @end region="react-loop"

Map<String, Function<String, String>> TOOLS = Map.of("calculator", in -> formatNumber(calculator(in)));

// @start region="agent-cost"
// Prompt tokens over a run of `steps` calls when each call re-sends the question plus all earlier steps.
long promptTokens(int steps, int questionTokens, int tokensPerStep) {
    return (long) steps * questionTokens + (long) tokensPerStep * steps * (steps - 1) / 2;
}

// Probability that all steps succeed if each succeeds independently with probability p (a simplifying model).
double chainSuccess(double p, int steps) {
    return Math.pow(p, steps);
}
// @end region="agent-cost"

String pct(double x) { return String.format("%.1f%%", 100 * x); }
String count(long x) { return String.format("%,d", x); }

void check(String what, double actual, double expected, double relTol) {
    if (Math.abs(actual - expected) > relTol * Math.abs(expected))
        throw new IllegalStateException("04-agents: " + what + " = " + actual + ", expected " + expected);
}
void checkThat(String what, boolean ok) {
    if (!ok) throw new IllegalStateException("04-agents: " + what);
}

int checks04 = 0;
check("calculator 23*17", calculator("23*17"), 391, 0); checks04++;
check("calculator precedence and parentheses", calculator("2*(3+4)-10/4"), 11.5, 0); checks04++;
{
    AgentResult r = react(scriptedModel(
            "Thought: I should compute this exactly.\nAction: calculator[23*17]",
            "Thought: The tool says 391.\nFinal Answer: 391"),
        TOOLS, "What is 23 times 17?", 5);
    checkThat("answer is 391, got " + r.answer(), r.answer().equals("391"));
    checkThat("2 model calls, got " + r.llmCalls(), r.llmCalls() == 2);
    checkThat("1 tool call, got " + r.toolCalls(), r.toolCalls() == 1);
    checkThat("observation recorded", r.transcript().contains("Observation: 391"));
    checks04 += 4;
    AgentResult loop = react(scriptedModel("Thought: let me check again.\nAction: calculator[1+1]"), TOOLS, "Loop forever", 6);
    checkThat("guard stops a looping model", loop.answer().startsWith("stopped") && loop.llmCalls() == 6 && loop.toolCalls() == 6);
    AgentResult bad = react(scriptedModel("Action: search[weather]", "Final Answer: unknown"), TOOLS, "Weather?", 3);
    checkThat("unknown tool is reported, not thrown", bad.transcript().contains("Observation: unknown tool search") && bad.toolCalls() == 0);
    checks04 += 2;
}
check("prompt tokens, 10 steps", promptTokens(10, 500, 200), 14_000, 0); checks04++;
check("chain success 0.95^10", chainSuccess(0.95, 10), 0.598737, 1e-5); checks04++;
System.out.println("04-agents: " + checks04 + " checks passed");
