/** The worker JVM's own code: JShell with the local engine, the tool's feedback imitated, output captured and hygiene kept between pages. Uses only the wire protocol and the JDK. */
package dev.llmqa.snippet.worker;
