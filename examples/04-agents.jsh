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

// @start region="native-call"
// A native tool call: the API returns the tool name and JSON arguments as data, not as text to parse.
record ToolCall(String name, Map<String, Object> arguments) {}

// A tool's input schema, reduced to what JSON Schema says most often: property types and required names.
record ToolSchema(String name, Map<String, String> types, Set<String> required) {}

// The controller still validates before running anything: unknown tool, missing or mistyped arguments.
List<String> validate(ToolCall call, Map<String, ToolSchema> schemas) {
    ToolSchema schema = schemas.get(call.name());
    if (schema == null) return List.of("unknown tool " + call.name());
    List<String> errors = new ArrayList<>();
    for (String r : new TreeSet<>(schema.required()))
        if (!call.arguments().containsKey(r)) errors.add("missing required argument " + r);
    for (var e : new TreeMap<>(call.arguments()).entrySet()) {
        String type = schema.types().get(e.getKey());
        if (type == null) errors.add("unexpected argument " + e.getKey());
        else if (!jsonType(e.getValue()).equals(type)) errors.add(e.getKey() + " should be " + type + ", got " + jsonType(e.getValue()));
    }
    return errors;
}

String jsonType(Object v) {
    return v instanceof String ? "string" : v instanceof Integer || v instanceof Long ? "integer"
        : v instanceof Number ? "number" : v instanceof Boolean ? "boolean" : "object";
}
// @end region="native-call"

// @start region="mcp"
// The JSON-RPC 2.0 request an MCP client sends to run a tool on an MCP server (method "tools/call").
String mcpToolsCall(int id, String tool, String argumentsJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}}";
}

// Prompt tokens when every call also re-sends the definitions of all connected tools.
long promptTokensWithTools(int steps, int questionTokens, int tokensPerStep, int tools, int tokensPerTool) {
    return promptTokens(steps, questionTokens, tokensPerStep) + (long) steps * tools * tokensPerTool;
}
// @end region="mcp"

// @start region="pass-hat-k"
// tau-bench's pass^k: the chance that k trials drawn from n recorded trials (c successes) all succeed,
// C(c, k) / C(n, k), as a product. Compare pass@k, the chance that at least one succeeds.
double passHatK(int n, int c, int k) {
    double all = 1.0;
    for (int i = 0; i < k; i++) all *= (double) (c - i) / (n - i);
    return Math.max(0.0, all);
}
double passAtK(int n, int c, int k) {
    if (n - c < k) return 1.0;
    double allFail = 1.0;
    for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
    return 1.0 - allFail;
}

// METR's trend: the task length agents finish with 50% reliability doubles every `doublingMonths`.
double horizonGrowth(double months, double doublingMonths) {
    return Math.pow(2, months / doublingMonths);
}
// @end region="pass-hat-k"

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
// All checks run as one snippet: JShell compiles each top-level statement on its own, and one block loads faster.
{
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
    {
        Map<String, ToolSchema> schemas = Map.of("get_weather",
            new ToolSchema("get_weather", Map.of("city", "string", "days", "integer"), Set.of("city")));
        checkThat("valid call passes", validate(new ToolCall("get_weather", Map.of("city", "Paris", "days", 3)), schemas).isEmpty());
        checkThat("missing and mistyped arguments are reported",
            validate(new ToolCall("get_weather", Map.of("days", "three")), schemas)
                .equals(List.of("missing required argument city", "days should be integer, got string")));
        checkThat("unknown tool is reported", validate(new ToolCall("send_mail", Map.of()), schemas).equals(List.of("unknown tool send_mail")));
        checks04 += 3;
    }
    checkThat("MCP tools/call request", mcpToolsCall(7, "get_weather", "{\"city\":\"Paris\"}")
        .equals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}")); checks04++;
    check("tool definitions add steps x tools x tokens", promptTokensWithTools(10, 500, 200, 40, 150) - promptTokens(10, 500, 200), 60_000, 0); checks04++;
    // pass^k: k = 1 is the success rate, pass^n is 0 unless every trial passed, and pass^k never exceeds pass@k.
    check("pass^1 = c/n", passHatK(8, 6, 1), 0.75, 1e-12); checks04++;
    check("pass^4, 6 of 8", passHatK(8, 6, 4), 15.0 / 70, 1e-12); checks04++;
    check("pass^8, 6 of 8", passHatK(8, 6, 8), 0, 0); checks04++;
    checkThat("pass^k <= pass@k", passHatK(8, 6, 2) <= passAtK(8, 6, 2)); checks04++;
    check("doubling every 7 months, 7 months later", horizonGrowth(7, 7), 2, 1e-12); checks04++;
}
System.out.println("04-agents: " + checks04 + " checks passed");
