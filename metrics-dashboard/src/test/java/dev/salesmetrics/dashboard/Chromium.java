package dev.salesmetrics.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.collect.ImmutableList;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's headless Chromium on a page, for browser tests of the report and the live page:
 * {@link #dumpDom(URI)} gives the DOM after the page loaded, {@link #screenshot(URI, Path, int,
 * int)} a PNG, and both the console messages the page logged.
 *
 * <p>Each run gets a new, empty profile directory (deleted afterwards) and flags that keep the
 * browser off the network: no background networking, component updates, sync or QUIC. Console
 * messages are read from the browser's own log on standard error ({@code --enable-logging=stderr
 * --v=0} prints each as a line with {@code :CONSOLE}): a page that logs an error, a blocked load
 * (content security policy) or an uncaught exception shows there.
 *
 * <p>{@link #require()} skips the calling test when the browser is missing, unless the
 * environment variable {@code CI} is {@code true}, where a missing browser fails the test.
 */
public final class Chromium {
  /** Where Debian's package puts the browser; {@code CHROMIUM} in the environment overrides. */
  public static final Path DEFAULT = Path.of("/usr/bin/chromium");

  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /**
   * What one run of the browser gave.
   *
   * @param exitCode the process's exit code
   * @param stdout what it printed (the DOM for {@code --dump-dom})
   * @param console the console messages the page logged, one per line
   * @param stderr the browser's whole log
   */
  public record Run(int exitCode, String stdout, ImmutableList<String> console, String stderr) {}

  /** Where the browser is looked for: {@code CHROMIUM} if set, else {@link #DEFAULT}. */
  public static Path location() {
    String env = System.getenv("CHROMIUM");
    return env == null || env.isBlank() ? DEFAULT : Path.of(env);
  }

  /** The browser binary, if installed. */
  public static Optional<Path> find() {
    Path p = location();
    return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Returns the browser, or skips the calling test when it is not installed (fails it instead
   * when {@code CI=true}).
   */
  public static Chromium require() {
    Optional<Path> p = find();
    if (p.isEmpty()) {
      String why = "no Chromium at " + location() + " (install it with apt-get install -y chromium,"
          + " or set CHROMIUM to the binary)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true and " + why);
      }
      Assumptions.abort(why);
    }
    return new Chromium(p.orElseThrow());
  }

  /** The browser binary this helper runs. */
  public Path binary() {
    return binary;
  }

  /**
   * The flags of every run: headless, and off the network (no background networking, component
   * updates, sync or QUIC), with {@code profile} as a new, empty user data directory.
   */
  public static List<String> offlineFlags(Path profile) {
    return List.of(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
  }

  /** Loads {@code page} and returns its DOM (serialized) and console messages. */
  public Run dumpDom(URI page) {
    return run(List.of("--dump-dom"), page);
  }

  /**
   * Loads {@code page} in a window of {@code width} × {@code height} CSS pixels and writes a PNG
   * of it to {@code png}.
   */
  public Run screenshot(URI page, Path png, int width, int height) {
    return run(
        List.of(
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath()),
        page);
  }

  /**
   * Runs the browser headless on {@code page} with the given extra flags (for a live page, for
   * example {@code --virtual-time-budget=5000}).
   */
  public Run run(List<String> flags, URI page) {
    Path profile = null;
    Path out = null;
    Path err = null;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
      out = Files.createTempFile("chromium-", ".out");
      err = Files.createTempFile("chromium-", ".err");
      List<String> cmd = new ArrayList<>();
      cmd.add(binary.toString());
      cmd.addAll(offlineFlags(profile));
      cmd.addAll(List.of("--enable-logging=stderr", "--v=0"));
      cmd.addAll(flags);
      cmd.add(page.toString());
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s on " + page);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      ImmutableList.Builder<String> console = ImmutableList.builder();
      stderr.lines().filter(l -> l.contains(":CONSOLE")).forEach(console::add);
      return new Run(p.exitValue(), stdout, console.build(), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Chromium ran", e);
    } finally {
      delete(profile);
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      all.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a screenshot holds: its size, how many distinct colours, and the share of pixels that
   * differ from the most common colour (the background).
   */
  public record Picture(int width, int height, int colours, double nonBackground) {
    /** Decodes a PNG with {@link ImageIO}. */
    public static Picture of(Path png) {
      BufferedImage img;
      try {
        img = ImageIO.read(png.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (img == null) {
        fail("not an image: " + png);
      }
      Map<Integer, Integer> counts = new HashMap<>();
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          counts.merge(img.getRGB(x, y), 1, Integer::sum);
        }
      }
      int pixels = img.getWidth() * img.getHeight();
      int background = counts.values().stream().max(Integer::compare).orElse(0);
      return new Picture(
          img.getWidth(), img.getHeight(), counts.size(), 1 - (double) background / pixels);
    }
  }
}
