package zhifa.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Stage;
import zhifa.casework.Workbench;
import zhifa.shared.Operator;

/** 办案工作台: every kind of case, one keyset page at a time, with the stage, what is to be done and the nearest deadline. */
@Controller
class WorkbenchController {

	/** The workbench shows this many cases a page (the API lets callers choose up to {@link Workbench#MAX_SIZE}). */
	static final int PAGE_SIZE = 30;

	private final Workbench workbench;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final Clock clock;

	WorkbenchController(Workbench workbench, CaseKinds kinds, CaseTimers timers, Clock clock) {
		this.workbench = workbench;
		this.kinds = kinds;
		this.timers = timers;
		this.clock = clock;
	}

	/** One line of the workbench: the case, its kind, its stage, its running timer due soonest and its missed ones. */
	record Row(CaseFile c, String kind, Stage stage, CaseTimer nearest, List<CaseTimer> missed, String href, String label, String note) {
	}

	@GetMapping("/cases")
	String workbench(@RequestParam(defaultValue = "OPEN") String filter, @RequestParam(required = false) Long after, Model model) {
		var page = workbench.page(Operator.current().scope(), filter, after, PAGE_SIZE);
		List<Long> ids = page.items().stream().map(CaseFile::id).toList();
		Map<Long, CaseTimer> nearest = timers.nearestRunning(ids);
		// a case in 已超期 for a step done late long ago says which one, not only its next deadline
		Map<Long, List<CaseTimer>> missed = timers.missed(ids);
		// what each kind has to say about its cases beyond the stage (已报请立案), one read per kind on the page
		Map<Long, String> notes = kinds.listNotes(page.items());
		List<Row> rows = page.items().stream()
			.map(c -> new Row(c, kinds.of(c.kind()).label(), kinds.stage(c), nearest.get(c.id()), missed.getOrDefault(c.id(), List.of()),
					kinds.of(c.kind()).pagePath(c.id()), kinds.of(c.kind()).caseLabel(c), notes.get(c.id()))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("page", page);
		model.addAttribute("filter", workbench.filter(filter));
		model.addAttribute("filters", workbench.filters());
		model.addAttribute("after", after);
		model.addAttribute("today", LocalDate.now(clock));
		return "casework/cases";
	}
}
