package zhifa.supervision.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.calendar.CalendarService;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.record.SignedAnchors;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.RandomDraw;
import zhifa.shared.Sm3;
import zhifa.shared.StaleWrite;
import zhifa.shared.web.RequestLimits;
import zhifa.supervision.Act;
import zhifa.supervision.Ledger;

/**
 * 案卷评查 (方案任务13; RULES.md §8). A supervising unit runs a <b>programme</b>: it chooses a published rubric version,
 * the audited bodies, the kinds of act and the period in which the files were closed, the sampling ratio and the number
 * of reviewers per file, and names its reviewers (each with the bodies he declares a conflict with). It then publishes
 * the population of closed files and its commitment, and draws with the same publicly re-runnable draw as the
 * inspections ({@link RandomDraw}: strata are the audited bodies, objects the ledger numbers), the beacon being the first
 * signed record anchor after the commitment. Each drawn file gets its reviewers ({@link CrossReview}); a file reported by
 * another system must be uploaded by its body within the configured working days. Scoring is {@link ReviewScoring}'s;
 * rubric versions are {@link Rubrics}'; who sees a drawn file and how it is supplied is {@link ReviewFiles}'. This class
 * owns the programme and its draw. Every step is on the programme's record, owned by the lead unit.
 */
@Service
public class CaseFileReviews {

	static final String PROGRAMME = "sv_review_programme";

	public enum Status {
		PLANNED("筹备中"), COMMITTED("已公布名录和承诺值"), DRAWN("评查中"), CLOSED("已结束");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Reviewer(long accountId, String name, long bodyId, String bodyName, List<Long> conflicts, String conflictNames) {
	}

	public record Programme(long id, long bodyId, String bodyName, String code, String title, long rubricId, String rubricLabel, LocalDate closedFrom,
			LocalDate closedTo, List<String> kinds, List<Long> auditedBodies, String auditedNames, BigDecimal ratio, int perFile, int uploadDays,
			Status status, String commitment, Long beaconSeq, String beacon, String seed, String resultDigest, Instant drawnAt, String createdBy,
			int version, List<Reviewer> reviewers) {
	}

	public record Score(long id, long fileId, long accountId, String name, long bodyId, String bodyName, boolean submitted,
			Map<String, Rubric.Mark> marks, Integer total, String grade, List<String> vetoes, Instant submittedAt, int version) {
	}

	public enum FileStatus {
		SCORING("评查中"), DIFFERENT("评查意见不一致，待组长裁定"), FINAL("已出结果");

		private final String label;

		FileStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record ReviewFile(long id, long programmeId, String programmeCode, long actId, long bodyId, String bodyName, String caseNumber, String matterName,
			String kind, int rank, String drawKey, boolean platform, String externalId, LocalDate uploadDue, String fileName, Instant uploadedAt,
			FileStatus status, Integer total, String grade, List<String> vetoes, String resolution, Long documentId, int version, List<Score> scores) {

		public boolean awaitingUpload() {
			return !platform && fileName == null;
		}
	}

	public record ProgrammeForm(String title, Long rubricId, LocalDate closedFrom, LocalDate closedTo, List<String> kinds, List<Long> bodyIds,
			BigDecimal ratio, Integer perFile, Integer uploadDays) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final OrganizationDirectory directory;
	private final Ledger ledger;
	private final SignedAnchors anchors;
	private final CalendarService calendar;
	private final Rubrics rubrics;
	private final FullProcessRecord record;
	private final TransactionTemplate tx;
	private final Clock clock;

	private final ReviewPopulation population;

	CaseFileReviews(NamedParameterJdbcTemplate jdbc, OrganizationDirectory directory, Ledger ledger, SignedAnchors anchors,
			CalendarService calendar, Rubrics rubrics, FullProcessRecord record, TransactionTemplate tx, Clock clock, ReviewPopulation population) {
		this.jdbc = jdbc;
		this.population = population;
		this.directory = directory;
		this.ledger = ledger;
		this.anchors = anchors;
		this.calendar = calendar;
		this.rubrics = rubrics;
		this.record = record;
		this.tx = tx;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- programmes

	@Transactional
	public Programme create(Operator op, ProgrammeForm f) {
		long lead = requireSupervisor(op);
		DataScope scope = op.scope();
		Map<String, String> errors = new LinkedHashMap<>();
		String title = f.title() == null ? "" : f.title().strip();
		if (title.isEmpty() || title.length() > 200 || RequestLimits.hasControlCharacters(title)) {
			errors.put("title", "请填写评查活动名称（200字以内）");
		}
		Rubrics.RubricVersion rubric = null;
		if (f.rubricId() == null) {
			errors.put("rubricId", "请选择评查标准");
		}
		else {
			rubric = jdbc.query("select * from sv_rubric where id = :id", Map.of("id", f.rubricId()), rubrics::rubricRow).stream().findFirst().orElse(null);
			if (rubric == null || !rubric.published()) {
				errors.put("rubricId", "请选择已发布的评查标准版本");
			}
		}
		if (f.closedFrom() == null || f.closedTo() == null || f.closedTo().isBefore(f.closedFrom()) || f.closedTo().isAfter(today())) {
			errors.put("closedTo", "请填写结案日期范围（不晚于今天，结束不早于开始）");
		}
		List<String> kinds = f.kinds() == null ? List.of() : f.kinds().stream().filter(k -> k != null && !k.isBlank()).distinct().toList();
		if (kinds.isEmpty() || !zhifa.supervision.exchange.OurCodes.KINDS.keySet().containsAll(kinds)) {
			errors.put("kinds", "请选择评查的案件种类");
		}
		List<Long> audited = f.bodyIds() == null ? List.of() : f.bodyIds().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
		if (audited.isEmpty() || audited.size() > 500) {
			errors.put("bodyIds", "请选择被评查的执法主体");
		}
		else if (!audited.stream().allMatch(b -> directory.covers(scope, b) && directory.facts(b).isPresent())) {
			errors.put("bodyIds", "所选执法主体不在您的监督范围内");
		}
		if (f.ratio() == null || f.ratio().signum() <= 0 || f.ratio().compareTo(BigDecimal.ONE) > 0 || f.ratio().scale() > 4) {
			errors.put("ratio", "抽取比例应大于0%、不超过100%，最多两位小数（如 10 表示抽取10%）");
		}
		if (f.perFile() == null || f.perFile() < 1 || f.perFile() > 3) {
			errors.put("perFile", "每份案卷的评查人数应为1至3人");
		}
		if (f.uploadDays() == null || f.uploadDays() < 1 || f.uploadDays() > 60) {
			errors.put("uploadDays", "上传期限（其他系统的案卷由被评查单位上传）应为1至60个工作日");
		}
		if (errors.isEmpty()) {
			// the period has ended (closedTo is not after today): a population without a single file is known now, not at 公布
			var counted = population.count(audited, kinds, f.closedFrom(), f.closedTo());
			long closed = counted[0];
			if (closed == 0) {
				errors.put("closedTo", "所选单位在 " + f.closedFrom() + " 至 " + f.closedTo() + " 没有已结案的所选种类案件，请调整被评查单位、案件种类或结案日期范围");
			}
			else if (counted[1] == 0) {
				errors.put("closedTo", "所选单位在 " + f.closedFrom() + " 至 " + f.closedTo() + " 已结案的 " + closed + " 件所选种类案件均已被其他评查活动抽中（同一案卷只评查一次），请调整被评查单位、案件种类或结案日期范围");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("请检查填写的内容：" + String.join("；", errors.values()), errors);
		}
		long id = jdbc.queryForObject("select nextval('sv_review_programme_id_seq')", Map.of(), Long.class);
		String code = "AJPC-" + today().getYear() + "-" + id;
		jdbc.update("""
				insert into sv_review_programme (id, body_id, code, title, rubric_id, closed_from, closed_to, kinds, audited_bodies, ratio, per_file,
				  upload_days, status, created_by, created_at)
				values (:id, :b, :code, :t, :r, :from, :to, :k, :a, :ratio, :per, :up, 'PLANNED', :by, :now)""",
				new MapSqlParameterSource().addValue("id", id).addValue("b", lead).addValue("code", code).addValue("t", title)
					.addValue("r", f.rubricId()).addValue("from", f.closedFrom()).addValue("to", f.closedTo()).addValue("k", String.join(",", kinds))
					.addValue("a", audited.stream().map(String::valueOf).collect(Collectors.joining(","))).addValue("ratio", f.ratio())
					.addValue("per", f.perFile()).addValue("up", f.uploadDays()).addValue("by", op.operatorName())
					.addValue("now", Timestamp.from(clock.instant())));
		record.append(op, PROGRAMME, id, lead, "review.programme_created", "设立案卷评查活动“" + title + "”（" + code + "，" + rubric.label() + "，抽取比例 "
				+ f.ratio().stripTrailingZeros().toPlainString() + "，每卷 " + f.perFile() + " 人评查）", Map.of("code", code, "bodies", audited.size()));
		return get(scope, id);
	}

	/** Adds a reviewer (an account of any body in the lead's scope) with the bodies he declares a conflict with. */
	@Transactional
	public Programme addReviewer(Operator op, long id, Long accountId, List<Long> conflicts) {
		Programme p = lead(op, id);
		requirePanelOpen(p);
		if (accountId == null) {
			throw BusinessRuleViolation.onField("accountId", "请选择评查人员");
		}
		var acc = jdbc.query("select id, display_name, body_id from account_view where id = :id and enabled and body_id is not null", Map.of("id", accountId),
				(rs, i) -> new Object[] { rs.getString(2), rs.getLong(3) }).stream().findFirst()
			.filter(a -> directory.covers(op.scope(), (Long) a[1])).orElseThrow(() -> BusinessRuleViolation.onField("accountId", "该账号不存在、已停用或不在您的监督范围内"));
		List<Long> declared = conflicts == null ? List.of() : conflicts.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
		if (declared.size() > 20 || !declared.stream().allMatch(b -> directory.facts(b).isPresent())) {
			throw BusinessRuleViolation.onField("conflicts", "申报回避的单位不存在（最多20个）");
		}
		int n = jdbc.update("""
				insert into sv_review_reviewer (programme_id, account_id, name, body_id, conflicts) values (:p, :a, :n, :b, :c)
				on conflict (programme_id, account_id) do update set conflicts = excluded.conflicts""",
				new MapSqlParameterSource().addValue("p", id).addValue("a", accountId).addValue("n", acc[0]).addValue("b", acc[1])
					.addValue("c", declared.stream().map(String::valueOf).collect(Collectors.joining(","))));
		touch(id, p.version());
		record.append(op, PROGRAMME, id, p.bodyId(), "review.reviewer_added", "评查人员：" + acc[0] + "（" + bodyName((Long) acc[1]) + "）"
				+ (declared.isEmpty() ? "" : "，申报回避：" + names(declared)), Map.of("account", accountId, "conflicts", declared.size()));
		return get(op.scope(), id);
	}

	@Transactional
	public Programme removeReviewer(Operator op, long id, long accountId) {
		Programme p = lead(op, id);
		requirePanelOpen(p);
		Reviewer r = p.reviewers().stream().filter(x -> x.accountId() == accountId).findFirst().orElseThrow(() -> new NotFound("评查人员"));
		jdbc.update("delete from sv_review_reviewer where programme_id = :p and account_id = :a", Map.of("p", id, "a", accountId));
		touch(id, p.version());
		record.append(op, PROGRAMME, id, p.bodyId(), "review.reviewer_removed", "移除评查人员：" + r.name(), Map.of("account", accountId));
		return get(op.scope(), id);
	}

	/**
	 * The panel is fixed when the population and its commitment are published: which reviewer gets which file follows
	 * from the draw and the panel, and the draw can be computed as soon as the beacon is public — a panel changed after
	 * that could steer the assignment.
	 */
	private static void requirePanelOpen(Programme p) {
		if (p.status() != Status.PLANNED) {
			throw new BusinessRuleViolation("案卷名录和承诺值公布后，评查人员即已确定，不能再增减（抽取结果公布前即可推算，调整人员可能左右分配）");
		}
	}

	/** One audited body before the population is published: its closed files now, how many the ratio draws, who may review them. */
	public record Stratum(long bodyId, String bodyName, int closed, int drawn, long eligibleReviewers, boolean enoughReviewers, int drawnElsewhere) {
	}

	/**
	 * What publishing the population would publish, as the ledger stands now (a planned programme): per body its closed
	 * files, the number drawn at the ratio and the reviewers who may review them (not of that body, no conflict declared).
	 */
	public List<Stratum> preview(DataScope scope, long id) {
		Programme p = get(scope, id);
		List<CrossReview.Reviewer> reviewers = reviewers(p);
		List<Stratum> out = new java.util.ArrayList<>();
		Map<Long, Integer> elsewhere = population.drawnElsewhere(p);
		RandomDraw.sizes(ratios(p), population.of(p)).forEach((body, size) -> {
			long b = Long.parseLong(body);
			long eligible = reviewers.stream().filter(r -> r.mayReview(b)).count();
			out.add(new Stratum(b, bodyName(b), size[0], size[1], eligible, size[1] == 0 || eligible >= p.perFile(), elsewhere.getOrDefault(b, 0)));
		});
		return out;
	}

	private static Map<String, BigDecimal> ratios(Programme p) {
		Map<String, BigDecimal> m = new TreeMap<>();
		p.auditedBodies().forEach(b -> m.put(String.valueOf(b), p.ratio()));
		return m;
	}

	/** Publishes the population and its commitment (before the draw: the beacon is an anchor made after this entry). */
	@Transactional
	public Programme commit(Operator op, long id, int version) {
		Programme p = lead(op, id);
		if (p.status() != Status.PLANNED) {
			throw new BusinessRuleViolation("本活动" + p.status().label() + "，名录和承诺值公布后不能更改");
		}
		List<RandomDraw.Candidate> pool = population.of(p);
		if (pool.isEmpty()) {
			throw new BusinessRuleViolation(population.emptyReason(p));
		}
		population.requireNoneWaitingOverlaps(id, pool);
		List<CrossReview.Reviewer> reviewers = reviewers(p);
		// every stratum that will give a file needs enough eligible reviewers (checked again at the draw)
		for (String body : RandomDraw.sizes(ratios(p), pool).keySet()) {
			long b = Long.parseLong(body);
			long eligible = reviewers.stream().filter(r -> r.mayReview(b)).count();
			if (RandomDraw.sizes(ratios(p), pool).get(body)[1] > 0 && eligible < p.perFile()) {
				throw new BusinessRuleViolation(bodyName(b) + "的案卷只有 " + eligible + " 名可评查人员（须非本单位、未申报回避），需要 " + p.perFile() + " 名");
			}
		}
		String canonical = RandomDraw.canonical(p.code(), ratios(p), pool);
		String commitment = RandomDraw.commitment(p.code(), ratios(p), pool);
		long anchorSeq = anchors.lastSeq();
		if (jdbc.update("""
				update sv_review_programme set status = 'COMMITTED', canonical = :text, commitment = :c, anchor_seq_at_commit = :seq, version = version + 1
				where id = :id and version = :v and status = 'PLANNED'""", new MapSqlParameterSource().addValue("text", canonical).addValue("c", commitment)
			.addValue("seq", anchorSeq).addValue("id", id).addValue("v", version)) != 1) {
			throw new StaleWrite("该评查活动");
		}
		Map<String, Object> sizes = new TreeMap<>();
		RandomDraw.sizes(ratios(p), pool).forEach((k, v) -> sizes.put(bodyName(Long.parseLong(k)), v[0] + "中抽" + v[1]));
		var entry = record.append(op, PROGRAMME, id, p.bodyId(), "review.programme_committed", "公布案卷名录（" + pool.size() + "件）和承诺值 " + commitment,
				Map.of("commitment", commitment, "pool", pool.size(), "strata", sizes, "anchorSeqAtCommit", anchorSeq));
		jdbc.update("update sv_review_programme set committed_at = :at where id = :id", Map.of("at", Timestamp.from(entry.occurredAt()), "id", id));
		return get(op.scope(), id);
	}

	/** The published text of a committed programme (what its commitment is the SM3 of; re-run with the inspections' tool). */
	public String canonical(DataScope scope, long id) {
		get(scope, id);
		String text = jdbc.queryForObject("select canonical from sv_review_programme where id = :id", Map.of("id", id), String.class);
		if (text == null) {
			throw new BusinessRuleViolation("本活动尚未公布名录和承诺值");
		}
		return text;
	}

	/** Draws with the first signed anchor after the commitment, and assigns the reviewers of each drawn file. */
	public Programme draw(Operator op, long id) {
		Programme p = lead(op, id);
		if (p.status() == Status.DRAWN || p.status() == Status.CLOSED) {
			String reason = "本活动已于 " + zhifa.shared.web.Formats.at(p.drawnAt()) + " 抽取，不能重复抽取";
			tx.executeWithoutResult(s -> record.appendRefusal(op, "重复抽取评查案卷 " + p.code(), reason, Map.of("programme", p.code())));
			throw new BusinessRuleViolation(reason);
		}
		if (p.status() != Status.COMMITTED) {
			throw new BusinessRuleViolation("请先公布案卷名录和承诺值，再抽取");
		}
		var t = jdbc.queryForMap("select anchor_seq_at_commit, committed_at from sv_review_programme where id = :id", Map.of("id", id));
		SignedAnchors.SignedAnchor beacon = anchors.firstCovering((Long) t.get("anchor_seq_at_commit"), ((Timestamp) t.get("committed_at")).toInstant())
			.or(anchors::anchorNow).orElseThrow(() -> new BusinessRuleViolation("尚无承诺值公布后的签名锚定，请稍后再抽取"));
		return tx.execute(s -> drawWith(op, p, beacon));
	}

	private Programme drawWith(Operator op, Programme before, SignedAnchors.SignedAnchor beacon) {
		String status = jdbc.queryForObject("select status from sv_review_programme where id = :id for update", Map.of("id", before.id()), String.class);
		if (!Status.COMMITTED.name().equals(status)) {
			throw new BusinessRuleViolation("本活动刚刚已被抽取，不能重复抽取");
		}
		// the reviewers as they stand under the lock (not as read before it)
		Programme p = programme(before.id()).orElseThrow();
		String canonical = jdbc.queryForObject("select canonical from sv_review_programme where id = :id", Map.of("id", p.id()), String.class);
		String commitment = jdbc.queryForObject("select commitment from sv_review_programme where id = :id", Map.of("id", p.id()), String.class);
		// the population as published (not as the ledger stands now)
		ReviewPopulation.Published published = ReviewPopulation.published(canonical);
		List<RandomDraw.Candidate> pool = published.pool();
		Map<String, BigDecimal> ratios = published.ratios();
		String seed = RandomDraw.seed(commitment, beacon.root());
		List<RandomDraw.Drawn> picks = RandomDraw.select(seed, ratios, pool);
		StringBuilder result = new StringBuilder();
		picks.forEach(d -> result.append(d.stratum()).append(' ').append(d.rank()).append(' ').append(d.uscc()).append(' ').append(d.key()).append('\n'));
		String digest = Sm3.hex(result.toString());
		List<CrossReview.File> files = new ArrayList<>();
		Map<Long, RandomDraw.Drawn> drawnById = new LinkedHashMap<>();
		for (RandomDraw.Drawn d : picks) {
			long actId = Long.parseLong(d.uscc());
			Act act = ledger.find(actId).orElseThrow();
			files.add(new CrossReview.File(actId, act.report().bodyId(), label(act)));
			drawnById.put(actId, d);
		}
		Map<Long, List<CrossReview.Reviewer>> assignment;
		try {
			assignment = CrossReview.assign(files, reviewers(p), p.perFile());
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleViolation(e.getMessage());
		}
		LocalDate uploadDue = calendar.due(Deadline.of(today(), p.uploadDays(), DeadlineUnit.WORKING_DAYS, "案卷上传期限（评查活动设定）")).date();
		for (CrossReview.File f : files) {
			Act act = ledger.find(f.id()).orElseThrow();
			RandomDraw.Drawn d = drawnById.get(f.id());
			boolean platform = act.platform();
			long fileId = jdbc.queryForObject("""
					insert into sv_review_file (programme_id, act_id, body_id, rank, draw_key, platform, upload_due, status)
					values (:p, :a, :b, :r, :k, :pl, :due, 'SCORING') returning id""", new MapSqlParameterSource().addValue("p", p.id()).addValue("a", f.id())
				.addValue("b", f.bodyId()).addValue("r", d.rank()).addValue("k", d.key()).addValue("pl", platform).addValue("due", platform ? null : uploadDue),
					Long.class);
			for (CrossReview.Reviewer r : assignment.get(f.id())) {
				jdbc.update("""
						insert into sv_review_score (file_id, account_id, name, body_id, status) values (:f, :a, :n, :b, 'ASSIGNED')""",
						new MapSqlParameterSource().addValue("f", fileId).addValue("a", r.accountId()).addValue("n", r.name()).addValue("b", r.bodyId()));
			}
		}
		jdbc.update("""
				update sv_review_programme set status = 'DRAWN', beacon_seq = :bs, beacon = :b, seed = :s, result_digest = :d, drawn_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource().addValue("bs", beacon.seq()).addValue("b", beacon.root()).addValue("s", seed)
			.addValue("d", digest).addValue("now", Timestamp.from(clock.instant())).addValue("id", p.id()));
		record.append(op, PROGRAMME, p.id(), p.bodyId(), "review.programme_drawn", "抽取评查案卷 " + files.size() + " 件（信标为第" + beacon.seq() + "号签名锚定，结果摘要 "
				+ digest + "）", Map.of("files", files.size(), "seed", seed, "resultDigest", digest, "beaconSeq", beacon.seq()));
		return get(op.scope(), p.id());
	}

	private List<CrossReview.Reviewer> reviewers(Programme p) {
		return p.reviewers().stream().map(r -> new CrossReview.Reviewer(r.accountId(), r.name(), r.bodyId(), Set.copyOf(r.conflicts()))).toList();
	}

	/** Closes a programme whose files all have their results. */
	@Transactional
	public Programme close(Operator op, long id, int version) {
		Programme p = lead(op, id);
		if (p.status() != Status.DRAWN) {
			throw new BusinessRuleViolation("本活动" + p.status().label() + "，不能结束");
		}
		long open = jdbc.queryForObject("select count(*) from sv_review_file where programme_id = :p and status <> 'FINAL'", Map.of("p", id), Long.class);
		if (open > 0) {
			throw new BusinessRuleViolation("还有 " + open + " 份案卷没有评查结果");
		}
		touch(id, version);
		jdbc.update("update sv_review_programme set status = 'CLOSED' where id = :id", Map.of("id", id));
		record.append(op, PROGRAMME, id, p.bodyId(), "review.programme_closed", "结束案卷评查活动 " + p.code(), Map.of("code", p.code()));
		return get(op.scope(), id);
	}

	// ---- reading programmes

	public List<Programme> list(DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String where = directory.sqlCondition(scope, "body_id", params);
		return jdbc.queryForList("select id from sv_review_programme where " + where + " order by id desc limit 200", params, Long.class).stream()
			.map(id -> programme(id).orElseThrow()).toList();
	}

	public Programme get(DataScope scope, long id) {
		return programme(id).filter(p -> directory.covers(scope, p.bodyId())).orElseThrow(() -> new NotFound("评查活动"));
	}

	Optional<Programme> programme(long id) {
		return jdbc.query("select p.*, b.name as body_name from sv_review_programme p join body_view b on b.id = p.body_id where p.id = :id", Map.of("id", id),
				(rs, i) -> {
					List<Long> audited = ids(rs.getString("audited_bodies"));
					Timestamp drawn = rs.getTimestamp("drawn_at");
					long rubricId = rs.getLong("rubric_id");
					String rubricLabel = jdbc.queryForObject("select title || '（第' || version || '版）' from sv_rubric where id = :id", Map.of("id", rubricId), String.class);
					return new Programme(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("code"), rs.getString("title"), rubricId,
							rubricLabel, rs.getObject("closed_from", LocalDate.class), rs.getObject("closed_to", LocalDate.class),
							List.of(rs.getString("kinds").split(",")), audited, names(audited), rs.getBigDecimal("ratio"), rs.getInt("per_file"),
							rs.getInt("upload_days"), Status.valueOf(rs.getString("status")), rs.getString("commitment"), (Long) rs.getObject("beacon_seq"),
							rs.getString("beacon"), rs.getString("seed"), rs.getString("result_digest"), drawn == null ? null : drawn.toInstant(),
							rs.getString("created_by"), rs.getInt("version"), reviewerList(id));
				}).stream().findFirst();
	}

	private List<Reviewer> reviewerList(long programmeId) {
		return jdbc.query("select r.*, b.name as body_name from sv_review_reviewer r join body_view b on b.id = r.body_id where programme_id = :p order by b.name, r.name",
				Map.of("p", programmeId), (rs, i) -> {
					List<Long> conflicts = ids(rs.getString("conflicts"));
					return new Reviewer(rs.getLong("account_id"), rs.getString("name"), rs.getLong("body_id"), rs.getString("body_name"), conflicts, names(conflicts));
				});
	}

	/** Accounts that may be named reviewers: enabled accounts of bodies in the scope. */
	public List<Candidate> candidates(DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String where = directory.sqlCondition(scope, "a.body_id", params);
		return jdbc.query("select a.id, a.display_name, b.name as body_name from account_view a join body_view b on b.id = a.body_id where a.enabled and "
				+ where + " order by b.name, a.display_name limit 500", params, (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/** A body a programme may audit. */
	public record BodyOption(long id, String name) {
	}

	/** An account that may be named reviewer, with its body. */
	public record Candidate(long id, String name, String bodyName) {
	}

	/** The active bodies in the scope a programme may audit, by name. */
	public List<BodyOption> auditable(DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String where = directory.sqlCondition(scope, "id", params);
		return jdbc.query("select id, name from body_view where status = 'ACTIVE' and " + where + " order by name limit 500", params,
				(rs, i) -> new BodyOption(rs.getLong(1), rs.getString(2)));
	}

	// ---- helpers

	private long requireSupervisor(Operator op) {
		return ReviewAccess.requireSupervisor(op, directory);
	}

	/** The programme, for a supervisor of its lead unit. */
	Programme lead(Operator op, long id) {
		long body = requireSupervisor(op);
		Programme p = get(op.scope(), id);
		if (p.bodyId() != body) {
			throw new AccessDeniedException("只有组织本次评查的单位（" + p.bodyName() + "）可以办理");
		}
		return p;
	}

	private void touch(long id, int version) {
		if (jdbc.update("update sv_review_programme set version = version + 1 where id = :id and version = :v", Map.of("id", id, "v", version)) != 1) {
			throw new StaleWrite("该评查活动");
		}
	}

	private String label(Act a) {
		return (a.report().caseNumber() == null ? "台账第" + a.id() + "号" : a.report().caseNumber()) + "（" + bodyName(a.report().bodyId()) + "）";
	}

	private String bodyName(long id) {
		return directory.facts(id).map(OrganizationDirectory.BodyFacts::name).orElse("单位" + id);
	}

	private String names(List<Long> ids) {
		return ids.stream().map(this::bodyName).collect(Collectors.joining("、"));
	}

	private static List<Long> ids(String csv) {
		if (csv == null || csv.isBlank()) {
			return List.of();
		}
		return Arrays.stream(csv.split(",")).map(Long::parseLong).toList();
	}

	static String clean(String s, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String v = s.strip();
		return v.length() > max || RequestLimits.hasControlCharacters(v.replace("\n", "").replace("\r", "")) ? null : v;
	}
}
