package zhifa.supervision.alert.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.organization.OrganizationDirectory;
import zhifa.record.RecordQueries;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.supervision.Ledger;
import zhifa.supervision.alert.Alert;
import zhifa.supervision.alert.AlertRules;
import zhifa.supervision.alert.AlertState;
import zhifa.supervision.alert.Alerts;
import zhifa.supervision.document.SupervisionDocuments;

/** 监督预警 pages: the list with its filters, one alert with the act's facts, the reasoning and its history. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
class AlertController {

	private final Alerts alerts;
	private final Ledger ledger;
	private final RecordQueries records;
	private final SupervisionDocuments documents;
	private final OrganizationDirectory directory;
	private final Clock clock;

	AlertController(Alerts alerts, Ledger ledger, RecordQueries records, SupervisionDocuments documents, OrganizationDirectory directory, Clock clock) {
		this.alerts = alerts;
		this.ledger = ledger;
		this.records = records;
		this.documents = documents;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/supervision/alerts")
	String list(@RequestParam(required = false) String rule, @RequestParam(required = false) String state, @RequestParam(required = false) Long body,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String r = rule == null || rule.isBlank() ? null : rule.strip();
		if (r != null && !r.equals(AlertRules.REPLY_OVERDUE) && AlertRules.byCode(r).isEmpty()) {
			throw BusinessRuleViolation.onField("rule", "没有这条预警规则：" + r);
		}
		AlertState s = null;
		boolean openOnly = false;
		if (state != null && !state.isBlank()) {
			if (state.equals("OPEN")) {
				openOnly = true;
			}
			else {
				s = Arrays.stream(AlertState.values()).filter(x -> x.name().equals(state.strip())).findFirst()
					.orElseThrow(() -> BusinessRuleViolation.onField("state", "没有这种预警状态：" + state));
			}
		}
		Operator me = Operator.current();
		var result = alerts.page(me.scope(), r, s, body, openOnly, Math.max(0, page), 20);
		model.addAttribute("alerts", result);
		model.addAttribute("rules", AlertRules.all());
		model.addAttribute("replyOverdue", AlertRules.REPLY_OVERDUE);
		model.addAttribute("states", AlertState.values());
		model.addAttribute("rule", r);
		model.addAttribute("state", state);
		model.addAttribute("body", body);
		model.addAttribute("bodyName", body == null ? null : directory.facts(body).map(OrganizationDirectory.BodyFacts::name).orElse(null));
		model.addAttribute("today", LocalDate.now(clock));
		StringBuilder base = new StringBuilder("/supervision/alerts?");
		if (r != null) {
			base.append("rule=").append(r).append('&');
		}
		if (state != null && !state.isBlank()) {
			base.append("state=").append(state.strip()).append('&');
		}
		if (body != null) {
			base.append("body=").append(body).append('&');
		}
		model.addAttribute("baseUrl", base.toString());
		return "supervision/alerts";
	}

	@GetMapping("/supervision/alerts/{id}")
	String alert(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		Alert a = alerts.get(me.scope(), id);
		model.addAttribute("alert", a);
		model.addAttribute("rule", AlertRules.byCode(a.ruleCode()).orElse(null));
		model.addAttribute("act", a.actId() == null ? null : ledger.find(a.actId()).map(x -> x.report()).orElse(null));
		model.addAttribute("history", records.timeline(me.scope(), Alert.RECORD_SUBJECT, String.valueOf(id)));
		model.addAttribute("documents", documents.ofAlert(me.scope(), id));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/alert";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/alerts/{id}/false-alarm")
	String falseAlarm(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/alerts/" + id, () -> {
			alerts.falseAlarm(Operator.current().scope(), id, version, reason);
			return "已标记为误报";
		});
	}
}
