package dev.lattice.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The character checks of {@link KubernetesNames} equal the apimachinery regular expressions they
 * replace, on every short string over an alphabet of the characters that matter and on seeded
 * random longer ones ({@code -Dlattice.seed=N} replays a run).
 */
class KubernetesNamesTest {
  private static final long SEED = Long.getLong("lattice.seed", 20261123L);
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final String ALPHABET = "az09AZ-._/ é\u0000";

  @Test
  void theChecksEqualTheRegularExpressions() {
    Random random = new Random(SEED);
    for (int i = 0; i < 200_000; i++) {
      String s = i < 30_000 ? exhaustive(i) : random(random);
      String why = "seed " + SEED + ", string '" + s + "'";
      assertThat(KubernetesNames.dns1123Label(s, 0, s.length())).as(why).isEqualTo(DNS1123_LABEL.matcher(s).matches());
      assertThat(KubernetesNames.subdomainSyntax(s)).as(why).isEqualTo(DNS1123_SUBDOMAIN.matcher(s).matches());
      assertThat(KubernetesNames.labelName(s)).as(why).isEqualTo(LABEL_NAME.matcher(s).matches());
      if (s.length() <= 63) {
        assertThat(KubernetesNames.serviceName(s).isEmpty()).as(why).isEqualTo(DNS1035_LABEL.matcher(s).matches());
      }
    }
  }

  /** The {@code n}th string over {@link #ALPHABET}, shortest first (the empty string, then every one of length 1, ...). */
  private static String exhaustive(int n) {
    StringBuilder sb = new StringBuilder();
    int k = ALPHABET.length();
    int length = 0;
    int count = 1;
    while (n >= count) {
      n -= count;
      length++;
      count *= k;
    }
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(n % k));
      n /= k;
    }
    return sb.toString();
  }

  private static String random(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      sb.append(random.nextInt(8) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : "ab0-."
          .charAt(random.nextInt(5)));
    }
    return sb.toString();
  }
}
