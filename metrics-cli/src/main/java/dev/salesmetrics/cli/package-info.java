/**
 * The {@code salesmetrics} command: {@code demo}, {@code compute}, {@code metrics}, {@code alerts},
 * {@code clv} and {@code shell} over the interchange CSV files. Not a library API.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.cli;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
