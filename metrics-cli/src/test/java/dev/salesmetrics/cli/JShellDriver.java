package dev.salesmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs JShell in this JVM (execution engine {@code local}) with the test class path, and checks
 * that every snippet is valid and throws nothing. Captures what the snippets print.
 */
final class JShellDriver implements AutoCloseable {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
  private final PrintStream savedOut = System.out;
  private final JShell shell;

  JShellDriver() {
    shell = JShell.builder().executionEngine("local").out(capture).err(capture).build();
    for (String entry : Splitter.on(File.pathSeparatorChar).split(System.getProperty("java.class.path"))) {
      if (!entry.isEmpty()) {
        shell.addToClasspath(entry);
      }
    }
    System.setOut(capture);
  }

  /**
   * Evaluates every complete snippet of {@code source} in order.
   *
   * @return the value of the last snippet that has one (a variable or an expression), else ""
   */
  @CanIgnoreReturnValue
  String run(String source) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = source;
    String value = "";
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      assertThat(info.completeness().isComplete())
          .as("incomplete snippet: %s", rest)
          .isTrue();
      String snippet = info.source();
      rest = info.remaining();
      for (SnippetEvent e : shell.eval(snippet)) {
        if (e.causeSnippet() != null) {
          continue;
        }
        Snippet s = e.snippet();
        List<String> errors =
            shell.diagnostics(s)
                .filter(Diag::isError)
                .map(d -> d.getMessage(null))
                .collect(Collectors.toList());
        assertThat(errors).as("errors in %s", snippet).isEmpty();
        assertThat(e.status()).as("status of %s", snippet).isEqualTo(Snippet.Status.VALID);
        assertThat(e.exception()).as("exception of %s", snippet).isNull();
        if (e.value() != null) {
          value = e.value();
        }
      }
    }
    return value;
  }

  /** Returns what the snippets printed since the last call, and forgets it. */
  String printed() {
    capture.flush();
    String s = buffer.toString(StandardCharsets.UTF_8);
    buffer.reset();
    return s;
  }

  static List<String> lines(String text) {
    return new ArrayList<>(text.lines().collect(Collectors.toList()));
  }

  @Override
  public void close() {
    System.setOut(savedOut);
    shell.close();
  }
}
