package zhifa.record.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import zhifa.record.DailyAnchors;
import zhifa.record.RecordEntry;
import zhifa.record.RecordQueries;
import zhifa.record.RecordVerifier;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

@Controller
class RecordController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordQueries queries;
	private final RecordVerifier verifier;
	private final DailyAnchors anchors;

	RecordController(RecordQueries queries, RecordVerifier verifier, DailyAnchors anchors) {
		this.queries = queries;
		this.verifier = verifier;
		this.anchors = anchors;
	}

	@GetMapping("/records")
	String latest(@RequestParam(required = false) Long before, Model model) {
		List<RecordEntry> entries = queries.latest(Operator.current().scope(), before, 50);
		model.addAttribute("entries", entries);
		model.addAttribute("next", entries.size() == 50 ? entries.get(entries.size() - 1).id() : null);
		return "record/latest";
	}

	@GetMapping("/records/{subjectType}/{subjectId}")
	String timeline(@PathVariable String subjectType, @PathVariable String subjectId, Model model) {
		List<RecordEntry> entries = queries.timeline(Operator.current().scope(), subjectType, subjectId);
		List<RecordEntry> newestFirst = new java.util.ArrayList<>(entries);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("entries", newestFirst);
		model.addAttribute("details", entries.stream().collect(java.util.stream.Collectors.toMap(RecordEntry::id, RecordController::details)));
		model.addAttribute("verification", verifier.verifyChain(subjectType, subjectId));
		model.addAttribute("subjectType", subjectType);
		model.addAttribute("subjectId", subjectId);
		return "record/timeline";
	}

	@GetMapping("/records/anchors")
	String anchors(Model model) {
		model.addAttribute("anchors", anchors.all());
		return "record/anchors";
	}

	@GetMapping("/records/anchors/{day}")
	String anchor(@PathVariable LocalDate day, Model model) {
		model.addAttribute("anchor", anchors.find(day).orElseThrow(() -> new NotFound("该日的锚定")));
		model.addAttribute("leaves", anchors.leaves(day));
		model.addAttribute("recomputed", anchors.computeRoot(day));
		return "record/anchor";
	}

	/** The payload as readable lines: changed fields as "字段：旧 → 新", other data as "键：值". */
	@SuppressWarnings("unchecked")
	static List<String> details(RecordEntry e) {
		Map<String, Object> payload;
		try {
			payload = JSON.readValue(e.payload(), Map.class);
		}
		catch (RuntimeException ex) {
			return List.of(e.payload());
		}
		Object changes = payload.get("changes");
		if (changes instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(en -> {
				Map<String, Object> c = (Map<String, Object>) en.getValue();
				return en.getKey() + "：" + c.get("from") + " → " + c.get("to");
			}).toList();
		}
		return payload.entrySet().stream().map(en -> en.getKey() + "：" + en.getValue()).toList();
	}
}
