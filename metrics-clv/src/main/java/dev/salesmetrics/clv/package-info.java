/**
 * Predictive customer lifetime value: the BG/NBD model of repeat purchases and the Gamma-Gamma
 * model of spend per purchase (Fader, Hardie and Lee 2005), fitted by maximum likelihood, with
 * per-customer predictions (expected purchases, probability alive, discounted lifetime value),
 * calibration/holdout evaluation and a ranked report.
 *
 * <p>Every fitted model carries its {@link dev.salesmetrics.clv.ClvTimeUnit}: recency, age and
 * horizons are always in that unit, and month-based horizons are converted explicitly through
 * {@link dev.salesmetrics.clv.ClvHorizon#daysPerMonth()}. Models and fits are immutable records
 * and are safe to share between threads. No public method returns {@code NaN}, an infinity or
 * {@code null}.
 */
@ParametersAreNonnullByDefault
@CheckReturnValue
package dev.salesmetrics.clv;

import com.google.errorprone.annotations.CheckReturnValue;
import javax.annotation.ParametersAreNonnullByDefault;
