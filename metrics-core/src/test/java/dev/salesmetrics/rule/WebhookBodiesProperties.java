package dev.salesmetrics.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.salesmetrics.testing.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the webhook bodies are written with parses back to what was written. */
class WebhookBodiesProperties {

  @Test
  void anyStringRoundTrips() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            s -> {
              String doc = new JsonWriter().beginObject().name(s).value(s).endObject().toString();
              assertThat(JsonReader.object(doc)).isEqualTo(Map.of(s, s));
            });
  }

  @Test
  void anyFiniteNumberRoundTripsExactly() {
    qt().forAll(doubles().any())
        .assuming(Double::isFinite)
        .checkAssert(
            d -> {
              String doc = new JsonWriter().beginArray().value(d).value(-d).endArray().toString();
              List<Object> back = JsonReader.array(doc);
              assertThat((Double) back.get(0)).isEqualTo(d == 0 ? 0.0 : d);
              assertThat((Double) back.get(1)).isEqualTo(d == 0 ? 0.0 : -d);
            });
  }

  @Test
  void integralValuesHaveNoFraction() {
    qt().forAll(integers().all())
        .checkAssert(i -> assertThat(JsonWriter.number(i)).isEqualTo(Integer.toString(i)));
  }
}
