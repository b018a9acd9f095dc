package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * The one parallel chunk-and-merge driver of every engine: runs one task per chunk on an
 * executor, each filling cells of its own, and merges the chunks' cells in chunk order into the
 * first chunk's. Since every merge is exact, the result is that of one pass over all the rows.
 */
final class Chunks {
  private Chunks() {}

  /**
   * Runs {@code chunk.apply(i)} for {@code i} in {@code [0, n)} on {@code executor} and merges the
   * results in order with {@code merge} (the first one merged into).
   *
   * @throws RuntimeException the first exception a chunk threw, or the merge threw
   */
  static <C> C run(Executor executor, int n, IntFunction<C> chunk, BiConsumer<C, C> merge) {
    checkNotNull(executor, "executor");
    if (n == 1) {
      return chunk.apply(0);
    }
    List<CompletableFuture<C>> parts = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      int i = c;
      parts.add(CompletableFuture.supplyAsync(() -> chunk.apply(i), executor));
    }
    C merged = null;
    for (CompletableFuture<C> part : parts) {
      C cells;
      try {
        cells = part.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
      if (merged == null) {
        merged = cells;
      } else {
        merge.accept(merged, cells);
      }
    }
    return checkNotNull(merged, "merged");
  }

  /** The first row of chunk {@code c} of {@code n} over {@code rows} rows. */
  static int from(int rows, int c, int n) {
    return (int) ((long) rows * c / n);
  }
}
