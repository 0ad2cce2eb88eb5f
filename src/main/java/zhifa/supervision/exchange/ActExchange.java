package zhifa.supervision.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/**
 * 执法行为报送: other systems' reports of enforcement acts into the ledger (JSON batches over the API, Excel for
 * departments without a system). Each record is mapped and validated on its own; a good record goes into the ledger in
 * a transaction of its own with its record entry (kept even when others are refused), a refused record writes nothing,
 * and a version not newer than the ledger's changes nothing. The batch itself is written to the full-process record with
 * its counts.
 */
@Service
public class ActExchange {

	private static final Logger log = LoggerFactory.getLogger(ActExchange.class);

	/** How the batch arrived. */
	public enum Channel {
		API("接口报送"), EXCEL("Excel导入"), DEMO("演示数据");

		private final String label;

		Channel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What became of one record. */
	public enum Status {
		/** 已接收: new, or a newer version that replaced the ledger's. */
		ACCEPTED,
		/** 未变化: the ledger already holds this version or a newer one. */
		UNCHANGED,
		/** 拒收: see the errors; nothing was written. */
		REFUSED
	}

	/** One record's result: its position in the batch (from 1; the sheet row for Excel), its id there and what became of it. */
	public record RecordResult(int index, String externalId, Status status, Long actId, List<ReportError> errors, List<String> warnings) {
	}

	/** The batch's result, record by record. */
	public record BatchResult(String source, int received, int accepted, int unchanged, int refused, List<RecordResult> results) {
	}

	/** One record as read, with the errors found while reading it (an Excel row's unreadable cells). */
	public record Incoming(int index, ReportedAct act, List<ReportError> readErrors) {
	}

	private final SourceSystems sources;
	private final ActValidator validator;
	private final Ledger ledger;
	private final FullProcessRecord record;
	private final BodyScopes scopes;
	private final TransactionTemplate tx;
	private final TransactionTemplate savepoint;
	private final Clock clock;

	/**
	 * Records written in one transaction: a whole API batch (the acts in one statement, their record entries in a few;
	 * should the database refuse one, each is written under a savepoint of its own and that record alone is refused).
	 * A hundred to a transaction had cost a fifth more time per act (ten statements for the acts, ten for each of the
	 * record's); an Excel sheet of more rows is written a thousand at a time.
	 */
	static final int CHUNK = 1000;

	ActExchange(SourceSystems sources, ActValidator validator, Ledger ledger, FullProcessRecord record, BodyScopes scopes, TransactionTemplate tx,
			Clock clock) {
		this.sources = sources;
		this.validator = validator;
		this.ledger = ledger;
		this.record = record;
		this.scopes = scopes;
		this.tx = tx;
		this.savepoint = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
		this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	/** The ledger's source of acts imported from Excel for a source system. */
	public static final String EXCEL_SUFFIX = "-XLS";

	/** A batch holds at most this many acts. */
	public static final int MAX_BATCH = 1000;

	/** A JSON batch: records numbered from 1. */
	public BatchResult receive(Operator operator, String sourceCode, List<ReportedAct> acts, Channel channel, boolean demo) {
		if (acts == null || acts.isEmpty()) {
			throw BusinessRuleViolation.onField("acts", "批次中没有执法行为（acts 为空）");
		}
		if (acts.size() > MAX_BATCH) {
			throw BusinessRuleViolation.onField("acts", "一个批次最多 " + MAX_BATCH + " 条执法行为，本批 " + acts.size() + " 条，请分批报送");
		}
		List<Incoming> incoming = new ArrayList<>();
		for (int i = 0; i < acts.size(); i++) {
			if (acts.get(i) == null) {
				throw BusinessRuleViolation.onField("acts[" + i + "]", "第" + (i + 1) + "条执法行为为空");
			}
			incoming.add(new Incoming(i + 1, acts.get(i), List.of()));
		}
		return receiveAll(operator, sourceCode, incoming, channel, demo);
	}

	/** Records read elsewhere (Excel), each with its own number and read errors. */
	public BatchResult receiveAll(Operator operator, String sourceCode, List<Incoming> incoming, Channel channel, boolean demo) {
		SourceSystem source = sources.find(sourceCode).filter(SourceSystem::active)
			.orElseThrow(() -> BusinessRuleViolation.onField("source", "报送系统“" + (sourceCode == null ? "" : sourceCode) + "”未登记或已停用"));
		if (operator.operatorKind() == Operator.Kind.TOKEN && (operator.bodyId() == null || !source.mayReportFor(operator.bodyId()))) {
			throw new ReportingRefused("该API令牌所属单位不是报送系统“" + source.name() + "”（" + source.code() + "）的报送单位，不能以该系统报送");
		}
		if (incoming.isEmpty()) {
			throw BusinessRuleViolation.onField("acts", "批次中没有执法行为");
		}
		// acts imported from Excel stand under their own source (系统代码-XLS): an upload by a supervisor cannot replace — or clear the
		// alerts of — what the department's system reported
		String ledgerSource = channel == Channel.EXCEL ? source.code() + EXCEL_SUFFIX : source.code();
		if (ledgerSource.length() > 40) {
			throw BusinessRuleViolation.onField("source", "报送系统代码过长，不能用于 Excel 导入（不超过" + (40 - EXCEL_SUFFIX.length()) + "个字符）");
		}
		var ctx = new ActValidator.Context(source, sources.mappingTable(source), LocalDate.now(clock), demo, ledgerSource);
		Map<String, Integer> seen = new HashMap<>();
		List<RecordResult> results = new ArrayList<>();
		for (int from = 0; from < incoming.size(); from += CHUNK) {
			results.addAll(chunk(operator, ctx, incoming.subList(from, Math.min(incoming.size(), from + CHUNK)), seen));
		}
		int accepted = count(results, Status.ACCEPTED), unchanged = count(results, Status.UNCHANGED), refused = count(results, Status.REFUSED);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("channel", channel.name());
		payload.put("received", results.size());
		payload.put("accepted", accepted);
		payload.put("unchanged", unchanged);
		payload.put("refused", refused);
		payload.put("refusedIds", results.stream().filter(r -> r.status() == Status.REFUSED).limit(100)
			.map(r -> r.externalId() == null ? "#" + r.index() : r.externalId()).toList());
		tx.executeWithoutResult(s -> record.append(operator, SourceSystems.SUBJECT, source.id(), null, "exchange.batch_received",
				"收到“" + source.name() + "”" + channel.label() + "的执法行为" + results.size() + "条：接收" + accepted + "条，未变化" + unchanged + "条，拒收" + refused + "条",
				payload));
		return new BatchResult(source.code(), results.size(), accepted, unchanged, refused, List.copyOf(results));
	}

	/**
	 * A chunk's records in one transaction, written in the order of their external ids (two overlapping batches of a
	 * system lock the same acts in the same order) and answered in their own order. Should the transaction itself fail
	 * (the commit, the connection), none of its records is saved and each says so: what the caller is told was accepted
	 * is what the ledger holds; its external ids do not count as seen for the rest of the batch.
	 */
	private List<RecordResult> chunk(Operator operator, ActValidator.Context ctx, List<Incoming> chunk, Map<String, Integer> seen) {
		List<Incoming> ordered = new ArrayList<>(chunk);
		ordered.sort(java.util.Comparator.comparing((Incoming in) -> in.act().externalId() == null ? "" : in.act().externalId().strip())
			.thenComparingInt(Incoming::index));
		Map<Integer, RecordResult> out = new HashMap<>();
		try {
			tx.executeWithoutResult(s -> {
				List<Checked> valid = new ArrayList<>();
				for (Incoming in : ordered) {
					Object c = check(operator, ctx, in, seen);
					if (c instanceof RecordResult refused) {
						out.put(in.index(), refused);
					}
					else {
						valid.add((Checked) c);
					}
				}
				if (valid.size() > 1) {
					try {
						// the usual chunk: its acts in one statement, their record entries in a few
						savepoint.executeWithoutResult(sp -> together(operator, ctx, valid).forEach(r -> out.put(r.index(), r)));
						return;
					}
					catch (DataAccessException e) {
						// one record the database refuses (or a lock another batch holds): rolled back to the savepoint and
						// written one by one, so that only that record is refused
						log.info("Reported acts of {}: the chunk written record by record ({})", ctx.source.code(), e.getMostSpecificCause().getMessage());
					}
				}
				for (Checked c : valid) {
					out.put(c.in().index(), write(operator, ctx, c));
				}
			});
			return chunk.stream().map(in -> out.get(in.index())).toList();
		}
		catch (DataAccessException | org.springframework.transaction.TransactionException e) {
			log.warn("Reported acts {}–{} of {} not saved", chunk.get(0).index(), chunk.get(chunk.size() - 1).index(), ctx.source.code(), e);
			seen.values().removeIf(first -> first >= chunk.get(0).index() && first <= chunk.get(chunk.size() - 1).index());
			List<RecordResult> failed = new ArrayList<>();
			for (Incoming in : chunk) {
				RecordResult r = out.get(in.index());
				if (r != null && r.status() == Status.REFUSED) {
					failed.add(r);
				}
				else {
					String externalId = in.act().externalId() == null ? null : in.act().externalId().strip();
					failed.add(new RecordResult(in.index(), externalId, Status.REFUSED, null,
							List.of(new ReportError("", "数据库未能保存第" + chunk.get(0).index() + "至" + chunk.get(chunk.size() - 1).index() + "条，均未写入，请重新报送")),
							r == null ? List.of() : r.warnings()));
				}
			}
			return failed;
		}
	}

	/** A record that passed every check, with its act as the ledger will hold it. */
	private record Checked(Incoming in, String externalId, ActReport report, List<String> warnings) {
	}

	/** The chunk's valid records written together: the acts in one statement, the record entries of those that changed in a few. */
	private List<RecordResult> together(Operator operator, ActValidator.Context ctx, List<Checked> valid) {
		List<Ledger.Recorded> recorded = ledger.recordAll(valid.get(0).report().source(), valid.stream().map(Checked::report).toList());
		List<zhifa.record.FullProcessRecord.NewEntry> entries = new ArrayList<>();
		List<RecordResult> results = new ArrayList<>();
		for (int n = 0; n < valid.size(); n++) {
			Checked c = valid.get(n);
			Ledger.Recorded r = recorded.get(n);
			if (r.changed()) {
				entries.add(entry(ctx, c, r));
			}
			results.add(new RecordResult(c.in().index(), c.externalId(), r.changed() ? Status.ACCEPTED : Status.UNCHANGED, r.actId(), List.of(), c.warnings()));
		}
		record.appendAll(operator, entries);
		return results;
	}

	/** The record entry of a reported act the ledger took. */
	private static zhifa.record.FullProcessRecord.NewEntry entry(ActValidator.Context ctx, Checked c, Ledger.Recorded recorded) {
		ActReport report = c.report();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("source", report.source());
		payload.put("externalId", report.externalId());
		payload.put("version", report.version());
		payload.put("stage", report.stage());
		payload.put("matterCode", report.matterCode());
		payload.put("validOfficers", report.validOfficers());
		if (!c.warnings().isEmpty()) {
			payload.put("warnings", c.warnings());
		}
		return new zhifa.record.FullProcessRecord.NewEntry("sv_act", recorded.actId(), report.bodyId(), "exchange.act_reported",
				ctx.source.name() + "报送执法行为“" + report.externalId() + "”第" + report.version() + "版（" + OurCodes.STAGES.get(report.stage()) + "）", payload);
	}

	/** The record refused ({@link RecordResult}) or {@link Checked}. */
	private Object check(Operator operator, ActValidator.Context ctx, Incoming in, Map<String, Integer> seen) {
		ReportedAct a = in.act();
		String externalId = a.externalId() == null ? null : a.externalId().strip();
		List<ReportError> errors = new ArrayList<>(in.readErrors());
		ActValidator.Checked checked = validator.check(ctx, a);
		errors.addAll(checked.errors());
		if (externalId != null && !externalId.isEmpty()) {
			Integer first = seen.putIfAbsent(externalId, in.index());
			if (first != null) {
				errors.add(new ReportError("externalId", "外部编号“" + externalId + "”与本批次第" + first + "条重复"));
			}
		}
		ActReport report = checked.report();
		if (errors.isEmpty() && operator.operatorKind() == Operator.Kind.USER && !scopes.covers(operator.scope(), report.bodyId())) {
			errors.add(new ReportError("bodyCode", "该执法主体不在您的管理范围内"));
		}
		if (!errors.isEmpty()) {
			return new RecordResult(in.index(), externalId, Status.REFUSED, null, List.copyOf(errors), checked.warnings());
		}
		return new Checked(in, externalId, report, checked.warnings());
	}

	/** One valid record written under a savepoint of its own: a record the database refuses is refused alone. */
	private RecordResult write(Operator operator, ActValidator.Context ctx, Checked c) {
		String externalId = c.externalId();
		try {
			Ledger.Recorded r = savepoint.execute(s -> {
				Ledger.Recorded recorded = ledger.record(c.report());
				if (recorded.changed()) {
					var e = entry(ctx, c, recorded);
					record.append(operator, e.subjectType(), e.subjectId(), e.ownerBodyId(), e.action(), e.summary(), e.payload());
				}
				return recorded;
			});
			return new RecordResult(c.in().index(), externalId, r.changed() ? Status.ACCEPTED : Status.UNCHANGED, r.actId(), List.of(), c.warnings());
		}
		catch (org.springframework.dao.PessimisticLockingFailureException e) {
			// a deadlock or a lock wait with another batch writing the same act at the same moment: nothing wrong with the record
			log.warn("Reported act {} of {} not saved (concurrent write): {}", externalId, ctx.source.code(), e.getMostSpecificCause().getMessage());
			return new RecordResult(c.in().index(), externalId, Status.REFUSED, null,
					List.of(new ReportError("", "同一执法行为正由另一批报送同时写入，本条未写入，请稍后重新报送")), c.warnings());
		}
		catch (DataAccessException e) {
			log.warn("Reported act {} of {} not saved: {}", externalId, ctx.source.code(), e.getMostSpecificCause().getMessage());
			return new RecordResult(c.in().index(), externalId, Status.REFUSED, null,
					List.of(new ReportError("", "数据库拒绝保存该记录（数据不符合约束），未写入")), c.warnings());
		}
	}

	private static int count(List<RecordResult> results, Status status) {
		return (int) results.stream().filter(r -> r.status() == status).count();
	}
}
