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
import zhifa.record.RecordKeys;
import zhifa.record.RecordQueries;
import zhifa.record.RecordVerifier;
import zhifa.record.SignedAnchors;
import zhifa.shared.NotFound;

/**
 * The record's pages. The anchors (which recompute a whole period and list every chain head) are for the 系统管理员 and
 * the 审计管理员; anyone may check a signature with the public key of the public API.
 */
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
			Map.entry("level", "层级"), Map.entry("parentId", "上级区划"), Map.entry("post", "岗位"), Map.entry("staffing", "人员性质"),
			Map.entry("idNumber", "身份证号"), Map.entry("legalQualificationNo", "法律职业资格证书编号"), Map.entry("police", "人民警察"),
			Map.entry("supervisionStaff", "执法监督人员"), Map.entry("legalReviewer", "法制审核人员"), Map.entry("from", "原状态"),
			Map.entry("to", "新状态"), Map.entry("effectiveDate", "生效日期"), Map.entry("documentNumber", "文号"), Map.entry("number", "证件号"),
			Map.entry("validFrom", "有效期自"), Map.entry("validTo", "有效期至"), Map.entry("issuingAuthority", "发证机关"),
			Map.entry("publicScore", "公共法律知识得分"), Map.entry("professionalScore", "专业法律知识得分"), Map.entry("passed", "合格"),
			Map.entry("autoSubmitted", "到时自动交卷"), Map.entry("title", "名称"), Map.entry("late", "逾期"), Map.entry("hours", "学时"),
			Map.entry("category", "类别"), Map.entry("heldOn", "日期"), Map.entry("organisers", "组织单位"), Map.entry("officerIds", "人员"),
			Map.entry("questions", "题数"), Map.entry("deadline", "交卷期限"), Map.entry("stem", "题干"), Map.entry("total", "总学时"),
			Map.entry("publicLaw", "公共法律知识学时"), Map.entry("business", "业务与技能学时"), Map.entry("planDue", "计划报备截止"),
			Map.entry("completionDue", "轮训完成截止"), Map.entry("pattern", "格式规则"), Map.entry("example", "示例"),
			Map.entry("publicCount", "公共法律知识题数"), Map.entry("professionalCount", "专业法律知识题数"),
			Map.entry("durationMinutes", "限时（分钟）"), Map.entry("passMark", "合格分数线"), Map.entry("opensAt", "开放自"),
			Map.entry("closesAt", "开放至"));

	private final RecordQueries queries;
	private final RecordVerifier verifier;
	private final DailyAnchors daily;
	private final SignedAnchors anchors;
	private final RecordKeys keys;

	RecordController(RecordQueries queries, RecordVerifier verifier, DailyAnchors daily, SignedAnchors anchors, RecordKeys keys) {
		this.queries = queries;
		this.verifier = verifier;
		this.daily = daily;
		this.anchors = anchors;
		this.keys = keys;
	}

	@GetMapping("/records")
	String latest(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "ALL") RecordQueries.Kind kind, Model model) {
		List<RecordEntry> entries = queries.latest(RecordQueries.View.current(), kind, before, 50);
		model.addAttribute("entries", entries);
		model.addAttribute("kind", kind);
		model.addAttribute("next", entries.size() == 50 ? entries.get(entries.size() - 1).id() : null);
		return "record/latest";
	}

	@GetMapping("/records/{subjectType}/{subjectId}")
	String timeline(@PathVariable String subjectType, @PathVariable String subjectId, Model model) {
		List<RecordEntry> entries = queries.timeline(RecordQueries.View.current(), subjectType, subjectId);
		List<RecordEntry> newestFirst = new java.util.ArrayList<>(entries);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("entries", newestFirst);
		model.addAttribute("details", entries.stream().collect(java.util.stream.Collectors.toMap(RecordEntry::id, RecordController::details)));
		model.addAttribute("verification", verifier.verifyChain(subjectType, subjectId));
		model.addAttribute("subjectType", subjectType);
		model.addAttribute("subjectId", subjectId);
		return "record/timeline";
	}

	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/records/anchors")
	String anchors(Model model) {
		List<SignedAnchors.SignedAnchor> all = new java.util.ArrayList<>(anchors.all());
		java.util.Collections.reverse(all);
		model.addAttribute("anchors", all);
		model.addAttribute("exported", anchors.exported().stream().map(SignedAnchors.SignedAnchor::seq).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("publicKey", keys.publicKeyHex());
		model.addAttribute("keyId", keys.keyId());
		model.addAttribute("daily", daily.all());
		return "record/anchors";
	}

	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/records/anchors/{seq}")
	String anchor(@PathVariable long seq, Model model) {
		SignedAnchors.SignedAnchor anchor = anchors.find(seq).orElseThrow(() -> new NotFound("该号锚定"));
		model.addAttribute("anchor", anchor);
		model.addAttribute("signatureHolds", RecordKeys.verify(keys.publicKeyHex(), anchor.signedText(), anchor.signature()));
		model.addAttribute("leaves", anchors.leaves(anchor.periodStart(), anchor.periodEnd()));
		model.addAttribute("recomputed", anchors.computeRoot(anchor.periodStart(), anchor.periodEnd()));
		return "record/anchor";
	}

	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('PLATFORM_ADMIN','AUDIT_ADMIN')")
	@GetMapping("/records/daily-anchors/{day}")
	String dailyAnchor(@PathVariable LocalDate day, Model model) {
		model.addAttribute("anchor", daily.find(day).orElseThrow(() -> new NotFound("该日的锚定")));
		model.addAttribute("leaves", daily.leaves(day));
		model.addAttribute("recomputed", daily.computeRoot(day));
		return "record/daily-anchor";
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
