package zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The steps listed for a case: a reader that wants only some of them (one role's to-dos, on every home page) does not
 * put the others' own questions — which may each read the database — to every case it lists.
 */
class LifecycleTest {

	enum S {
		CLUE, FILED
	}

	private static CaseFile clue() {
		return new CaseFile(1, "TEST", 1, "机关", 1, "M", "事项", "D", "CLUE", "来源", PartyType.ORGANIZATION, "某公司", null, null, 1, "地点", "/1/", null,
				LocalDate.of(2026, 11, 1), null, "案情", LocalDate.of(2026, 11, 1), "张伟", null, null, null, List.of(), false, 0, null, null);
	}

	@Test
	void aStepsOwnQuestionIsPutOnlyWhenTheReaderWantsTheStep() {
		AtomicInteger asked = new AtomicInteger();
		Lifecycle l = new Lifecycle("TEST", "测试", "案件", List.of(new Stage("CLUE", "案源", true, null), new Stage("FILED", "已立案", true, null)),
				List.of(Transition.step("REQUEST", "报请立案").from(S.CLUE).by("办案人员", "OFFICER").suggestedWhen(c -> asked.incrementAndGet() > 0).build(),
						Transition.step("FILE", "立案").from(S.CLUE).to(S.FILED).by("负责人", "LEADER").todo("LEADER", "待立案审批").build()));
		assertThat(l.listed(clue(), t -> "LEADER".equals(t.todoRole()))).extracting(Transition::action).containsExactly("FILE");
		assertThat(asked).hasValue(0);
		assertThat(l.listed(clue())).extracting(Transition::action).containsExactly("REQUEST", "FILE");
		assertThat(asked).hasValue(1);
	}
}
