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

	/** Chinese names of the payload fields written by the modules. */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "名称"),
			Map.entry("uscc", "统一社会信用代码"), Map.entry("kind", "主体类别"), Map.entry("region", "所属区划"),
			Map.entry("active", "启用"), Map.entry("qualificationNotice", "资格公告文号"), Map.entry("supervisory", "执法监督职责"),
			Map.entry("vertical", "垂直管理"), Map.entry("superiorBody", "上级主管机关"), Map.entry("domains", "执法领域"),
			Map.entry("entrustment", "委托书"), Map.entry("username", "账号"), Map.entry("displayName", "姓名"),
			Map.entry("body", "所属单位"), Map.entry("roles", "角色"), Map.entry("reason", "原因"),
			Map.entry("remoteAddress", "来源地址"), Map.entry("consecutiveFailures", "连续失败次数"), Map.entry("code", "代码"),
			Map.entry("year", "年份"), Map.entry("source", "来源"), Map.entry("days", "日期"), Map.entry("prefix", "令牌前缀"),
			Map.entry("level", "层级"), Map.entry("parentId", "上级区划"));

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
				return label(String.valueOf(en.getKey())) + "：" + value(c.get("from")) + " → " + value(c.get("to"));
			}).toList();
		}
		return payload.entrySet().stream().map(en -> label(en.getKey()) + "：" + value(en.getValue())).toList();
	}

	private static String label(String key) {
		return LABELS.getOrDefault(key, key);
	}

	private static String value(Object v) {
		if (v == null || "".equals(v)) {
			return "（空）";
		}
		if (v instanceof Boolean b) {
			return b ? "是" : "否";
		}
		return String.valueOf(v);
	}
}
