package zhifa.inspection.draw;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import zhifa.shared.RandomDraw;

/**
 * Recomputes a published draw from its canonical text (as the platform publishes it before the draw) and the beacon:
 * <pre>
 * java -cp zhifa.jar -Dloader.main=zhifa.inspection.draw.Recompute org.springframework.boot.loader.launch.PropertiesLauncher 任务.txt 信标
 * </pre>
 * prints the commitment (compare it with the one published before the draw), the seed and the list. It uses nothing of the
 * platform but {@link RandomDraw}, whose documentation states the algorithm for those who prefer their own SM3 tool.
 */
public final class Recompute {

	private Recompute() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("用法：Recompute <任务的规范文本文件> <信标>");
			System.exit(2);
		}
		run(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), args[1], System.out);
	}

	static void run(String canonical, String beacon, PrintStream out) {
		Parsed p = parse(canonical);
		String commitment = RandomDraw.commitment(p.task(), p.ratios(), p.population());
		String seed = RandomDraw.seed(commitment, beacon);
		out.println("承诺值 " + commitment);
		out.println("种子 " + seed);
		for (RandomDraw.Drawn d : RandomDraw.select(seed, p.ratios(), p.population())) {
			out.println(d.stratum() + " " + d.rank() + " " + d.uscc() + " " + d.key());
		}
	}

	/** The task, ratios and population of a canonical text; refuses a text that is not one (its own canonical form differs). */
	public record Parsed(String task, Map<String, BigDecimal> ratios, List<RandomDraw.Candidate> population) {
	}

	public static Parsed parse(String canonical) {
		String[] lines = canonical.split("\n", -1);
		if (lines.length < 3 || !RandomDraw.VERSION.equals(lines[0]) || !lines[lines.length - 1].isEmpty()) {
			throw new IllegalArgumentException("不是" + RandomDraw.VERSION + "的任务文本");
		}
		Map<String, BigDecimal> ratios = new LinkedHashMap<>();
		List<RandomDraw.Candidate> population = new ArrayList<>();
		for (int i = 2; i < lines.length - 1; i++) {
			String line = lines[i];
			int eq = line.indexOf('=');
			int sp = line.indexOf(' ');
			if (eq > 0 && sp < 0) {
				ratios.put(line.substring(0, eq), new BigDecimal(line.substring(eq + 1)));
			}
			else if (sp > 0) {
				population.add(new RandomDraw.Candidate(line.substring(0, sp), line.substring(sp + 1)));
			}
			else {
				throw new IllegalArgumentException("第" + (i + 1) + "行无法识别：" + line);
			}
		}
		Parsed p = new Parsed(lines[1], ratios, population);
		if (!RandomDraw.canonical(p.task(), p.ratios(), p.population()).equals(canonical)) {
			throw new IllegalArgumentException("文本不是规范形式（顺序、比例写法或重复对象不对）");
		}
		return p;
	}
}
