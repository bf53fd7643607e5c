/** The protocol between the host and a worker JVM: steps, sources, replies and faults, framed over the worker's stdin and stdout. JDK only. */
package dev.llmqa.snippet.wire;
