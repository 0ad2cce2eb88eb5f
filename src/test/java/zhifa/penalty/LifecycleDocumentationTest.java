package zhifa.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.casework.Lifecycle;
import zhifa.coercion.Enforcements;
import zhifa.identity.Role;

/**
 * {@code docs/penalty-lifecycle.md} is printed from the lifecycle as declared in code ({@link PenaltyKind} and the
 * enforcement procedure of {@link Enforcements}), never written by hand: this test regenerates it and fails when the
 * committed file is out of date (commit the regenerated one).
 */
class LifecycleDocumentationTest {

	static final Path DOC = Path.of("docs/penalty-lifecycle.md");

	static String document() {
		Map<String, String> roles = new LinkedHashMap<>();
		Arrays.stream(Role.values()).forEach(r -> roles.put(r.name(), r.label()));
		Lifecycle penalty = new PenaltyKind(null, null, null, null, null, null, null, null, null, null, null, null, Clock.systemUTC(), null).lifecycle();
		return """
				# 行政处罚案件的办理流程（由代码中的声明生成）

				本文件由 `LifecycleDocumentationTest` 从 `PenaltyKind` 与 `Enforcements.LIFECYCLE` 的声明生成，请勿手工修改：流程变了，
				重新运行测试即可得到新版本。每一个“办理事项”都写明可以从哪些阶段办理、办理后进入哪个阶段、由谁（哪些角色）办理、
				法律依据，以及办理前由平台校验的前提（校验规则的名称，如 `DecisionGates`，逐项给出中文理由和条文）。
				页面和接口上的“下一步”就是从这张表算出来的。

				""" + penalty.table(roles) + "\n" + Enforcements.LIFECYCLE.table(roles);
	}

	@Test
	void theLifecycleDocumentIsTheDeclarationAsItIs() throws IOException {
		String generated = document();
		assertThat(generated).contains("| 作出行政处罚决定<br>`decision` |", "DecisionGates", "行政处罚法第五十七条", "负责人（负责人）", "申请人民法院强制执行",
				"| `CLUE` | 案源待处理 | 是 |");
		String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
		if (!committed.equals(generated)) {
			Files.createDirectories(DOC.getParent());
			Files.writeString(DOC, generated, StandardCharsets.UTF_8);
		}
		assertThat(committed).as(DOC + " was out of date and has been regenerated: review and commit it").isEqualTo(generated);
	}
}
