package zhifa.record.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.record.DailyAnchors;
import zhifa.record.RecordEntry;
import zhifa.record.RecordKeys;
import zhifa.record.RecordLabels;
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

	private final RecordQueries queries;
	private final RecordVerifier verifier;
	private final DailyAnchors daily;
	private final SignedAnchors anchors;
	private final RecordKeys keys;
	private final RecordLabels labels;

	RecordController(RecordQueries queries, RecordVerifier verifier, DailyAnchors daily, SignedAnchors anchors, RecordKeys keys,
			RecordLabels labels) {
		this.labels = labels;
		this.queries = queries;
		this.verifier = verifier;
		this.daily = daily;
		this.anchors = anchors;
		this.keys = keys;
	}

	@GetMapping("/records")
	String latest(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "ALL") RecordQueries.Kind kind,
			@RequestParam(required = false) String actor, @RequestParam(required = false) java.time.LocalDate day, Model model) {
		String who = actor == null ? null : actor.strip();
		if (who != null && who.length() > 50) {
			who = who.substring(0, 50);
		}
		List<RecordEntry> entries = queries.latest(RecordQueries.View.current(), kind, before, 50, who, day);
		model.addAttribute("lines", labels.lines(entries));
		model.addAttribute("kind", kind);
		model.addAttribute("actor", who);
		model.addAttribute("day", day);
		model.addAttribute("next", entries.size() == 50 ? entries.get(entries.size() - 1).id() : null);
		return "record/latest";
	}

	@GetMapping("/records/{subjectType}/{subjectId}")
	String timeline(@PathVariable String subjectType, @PathVariable String subjectId, Model model) {
		List<RecordEntry> entries = queries.timeline(RecordQueries.View.current(), subjectType, subjectId);
		List<RecordEntry> newestFirst = new java.util.ArrayList<>(entries);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("lines", labels.lines(newestFirst));
		model.addAttribute("subject", labels.subject(subjectType, subjectId));
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
}
