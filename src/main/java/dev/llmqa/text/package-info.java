/** Text helpers with no state and nothing but the JDK below them, shared by the build and the snippet worker JVM. */
package dev.llmqa.text;
