package zhifa.supervision.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.supervision.Act;

/**
 * 纪检监察 clues (执法机关和司法机关向纪检监察机关移送问题线索工作办法; 方案任务12): a clue about a public official found
 * in enforcement, referred with its materials by the body's 负责人 and followed to the answer. Only the 负责人 sees it
 * ({@link Referrals#visible}); the record names neither the official nor the clue.
 */
@Service
public class DisciplineClues {

	private final NamedParameterJdbcTemplate jdbc;
	private final Referrals referrals;
	private final FullProcessRecord record;
	private final Clock clock;

	DisciplineClues(NamedParameterJdbcTemplate jdbc, Referrals referrals, FullProcessRecord record, Clock clock) {
		this.jdbc = jdbc;
		this.referrals = referrals;
		this.record = record;
		this.clock = clock;
	}

	/** A clue about a public official referred to the 纪检监察机关 (by the body's 负责人). */
	@Transactional
	public Referrals.Item referClue(Operator op, String caseNumber, String official, String clue, String organ, LocalDate on) {
		Act act = referrals.ownAct(op, caseNumber, List.of("LEADER"));
		Map<String, String> errors = new LinkedHashMap<>();
		String who = Referrals.text(official, 200, "official", "公职人员");
		if (who == null) {
			errors.put("official", "请填写涉及的公职人员（姓名、单位、职务）");
		}
		String what = Referrals.text(clue, 4000, "clue", "问题线索");
		if (what == null) {
			errors.put("clue", "请写明问题线索和所附材料");
		}
		String to = Referrals.text(organ, 200, "organ", "纪检监察机关");
		if (to == null) {
			errors.put("organ", "请填写接受移送的纪检监察机关");
		}
		if (on == null || on.isAfter(referrals.today()) || on.isBefore(referrals.today().minusYears(1))) {
			errors.put("on", "请填写移送日期（一年内，不晚于今天）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		long id = jdbc.queryForObject("""
				insert into sv_referral (act_id, body_id, kind, status, official, clue, organ, referred_on, reported_by, created_at)
				values (:a, :b, 'DISCIPLINE', 'REFERRED', :w, :c, :o, :on, :by, :now) returning id""", new MapSqlParameterSource().addValue("a", act.id())
			.addValue("b", act.report().bodyId()).addValue("w", who).addValue("c", what).addValue("o", to).addValue("on", on).addValue("by", op.operatorName())
			.addValue("now", Timestamp.from(clock.instant())), Long.class);
		// the record names neither the official nor the clue (they stay with the 负责人)
		record.append(op, Referrals.SUBJECT, id, act.report().bodyId(), "referral.clue_referred", "向纪检监察机关移送问题线索", Map.of());
		return referrals.get(op, id);
	}

	@Transactional
	public Referrals.Item clueAnswer(Operator op, long id, int version, LocalDate on, String answer) {
		Referrals.Item r = referrals.own(op, id, "LEADER", "负责人");
		Referrals.requireStatus(r, Referrals.Status.REFERRED);
		if (on == null || on.isBefore(r.referredOn()) || on.isAfter(referrals.today())) {
			throw BusinessRuleViolation.onField("on", "答复日期应在移送之日（" + r.referredOn() + "）至今天之间");
		}
		String what = Referrals.text(answer, 4000, "answer", "答复");
		if (what == null) {
			throw BusinessRuleViolation.onField("answer", "请登记纪检监察机关的答复");
		}
		referrals.update(id, version, "status = 'ANSWERED', answered_on = :on, answer = :a", p -> p.addValue("on", on).addValue("a", what));
		record.append(op, Referrals.SUBJECT, id, r.bodyId(), "referral.clue_answered", "纪检监察机关已答复", Map.of());
		return referrals.get(op, id);
	}
}
