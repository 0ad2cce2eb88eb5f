package zhifa.inspection.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static zhifa.shared.RandomDrawTest.RATIOS;
import static zhifa.shared.RandomDrawTest.population;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import zhifa.shared.RandomDraw;

/** The published text and the beacon are all anyone needs to recompute a draw. */
class RecomputeTest {

	@Test
	void thePublishedTextAndTheBeaconAreAllAnyoneNeedsToRecomputeTheList() {
		var pool = population(500, 4);
		String text = RandomDraw.canonical("芒市监抽〔2026〕2号", RATIOS, pool);
		String seed = RandomDraw.seed(RandomDraw.commitment("芒市监抽〔2026〕2号", RATIOS, pool), "anchor-root");
		var out = new ByteArrayOutputStream();
		Recompute.run(text, "anchor-root", new PrintStream(out, true, StandardCharsets.UTF_8));
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("承诺值 " + RandomDraw.commitment("芒市监抽〔2026〕2号", RATIOS, pool));
		assertThat(lines.get(1)).isEqualTo("种子 " + seed);
		assertThat(lines.subList(2, lines.size())).isEqualTo(RandomDraw.select(seed, RATIOS, pool).stream()
			.map(d -> d.stratum() + " " + d.rank() + " " + d.uscc() + " " + d.key()).toList());
		// an edited text is not a canonical one
		assertThatThrownBy(() -> Recompute.parse(text.replace("A=0.02", "A=0.020"))).hasMessageContaining("规范形式");
	}

}
