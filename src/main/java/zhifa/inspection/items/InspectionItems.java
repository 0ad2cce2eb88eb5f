package zhifa.inspection.items;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.catalog.MatterType;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;

/**
 * 随机抽查事项清单 (RULES.md §5: only published inspection items may be inspected at random): per body, items taken from
 * its published 执法事项目录 — matters of type 行政检查 — with their legal basis as published, the objects they cover and
 * the way they are checked. A draft is published (then it is listed for the public and can be drawn) or withdrawn
 * with a reason; a matter has at most one live item per body.
 */
@Service
public class InspectionItems {

	public enum Status {
		DRAFT("草稿"), PUBLISHED("已公布"), WITHDRAWN("已撤回");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Item(long id, long bodyId, String bodyName, String matterCode, String name, String basis, String objectScope, String method,
			Status status, LocalDate publishedOn, int version) {
	}

	private static final String SELECT = "select i.*, b.name as body_name from insp_item i join body_view b on b.id = i.body_id";

	private final NamedParameterJdbcTemplate jdbc;
	private final Catalogues catalogues;
	private final BodyScopes scopes;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private final Clock clock;

	InspectionItems(NamedParameterJdbcTemplate jdbc, Catalogues catalogues, BodyScopes scopes, OrganizationDirectory directory, FullProcessRecord record,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalogues = catalogues;
		this.scopes = scopes;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}

	/** The items of the bodies in the scope (withdrawn ones last), or of one body. */
	public List<Item> list(DataScope scope, Long bodyId) {
		Map<String, Object> p = new HashMap<>();
		String where = " where " + scopes.sqlCondition(scope, "i.body_id", p) + (bodyId == null ? "" : " and i.body_id = :body");
		p.put("body", bodyId);
		return jdbc.query(SELECT + where + " order by b.name, i.status = 'WITHDRAWN', i.matter_code, i.id", p, InspectionItems::row);
	}

	/** The published items of a body: what its random inspections may cover. */
	public List<Item> published(long bodyId) {
		return jdbc.query(SELECT + " where i.body_id = :b and i.status = 'PUBLISHED' order by i.matter_code", Map.of("b", bodyId), InspectionItems::row);
	}

	/** The published items of every other active body (the partners a joint plan may take items from), in one read. */
	public List<Item> publishedByOthers(long bodyId) {
		return jdbc.query(SELECT + " where i.body_id <> :b and i.status = 'PUBLISHED' and b.status = 'ACTIVE'"
				+ " order by b.name, i.matter_code", Map.of("b", bodyId), InspectionItems::row);
	}

	/** An item of any body (a joint task's partners bring theirs). */
	public Optional<Item> find(long id) {
		return jdbc.query(SELECT + " where i.id = :id", Map.of("id", id), InspectionItems::row).stream().findFirst();
	}

	/** The catalogue matter behind an item, as published today (its id and 执法领域). */
	public Optional<CatalogueEntry> matter(Item item) {
		return catalogues.publishedOn(item.bodyId(), LocalDate.now(clock)).flatMap(v -> catalogues.entries(v.id()).stream()
			.filter(e -> e.code().equals(item.matterCode())).findFirst());
	}

	public Item get(DataScope scope, long id) {
		return jdbc.query(SELECT + " where i.id = :id", Map.of("id", id), InspectionItems::row).stream().filter(i -> scopes.covers(scope, i.bodyId()))
			.findFirst().orElseThrow(() -> new NotFound("随机抽查事项"));
	}

	/** The matters of type 行政检查 in the body's catalogue published today, with no live item yet. */
	public List<CatalogueEntry> candidates(long bodyId) {
		var version = catalogues.publishedOn(bodyId, LocalDate.now(clock));
		if (version.isEmpty()) {
			return List.of();
		}
		List<String> taken = jdbc.queryForList("select matter_code from insp_item where body_id = :b and status <> 'WITHDRAWN'", Map.of("b", bodyId),
				String.class);
		return catalogues.entries(version.get().id()).stream().filter(e -> e.type() == MatterType.INSPECTION && !taken.contains(e.code())).toList();
	}

	/** A draft item for one of the body's published inspection matters. */
	@Transactional
	public Item create(Operator op, Long bodyId, String matterCode, String objectScope, String method) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (bodyId == null || directory.facts(bodyId).isEmpty() || !scopes.covers(op.scope(), bodyId)) {
			errors.put("bodyId", "请选择本单位");
		}
		text(errors, "objectScope", "检查对象范围", objectScope, 300);
		text(errors, "method", "检查方式", method, 300);
		Optional<CatalogueEntry> matter = Optional.empty();
		if (!errors.containsKey("bodyId")) {
			matter = candidates(bodyId).stream().filter(e -> e.code().equals(matterCode == null ? "" : matterCode.strip())).findFirst();
			if (matter.isEmpty()) {
				errors.put("matterCode", "请选择本单位已公布的执法事项目录中类别为行政检查、尚未列入清单的事项");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		CatalogueEntry e = matter.orElseThrow();
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.queryForObject("""
				insert into insp_item (body_id, matter_code, name, basis, object_scope, method, status, created_at, updated_at)
				values (:body, :code, :name, :basis, :scope, :method, 'DRAFT', :now, :now) returning id""", new MapSqlParameterSource().addValue("body", bodyId)
			.addValue("code", e.code()).addValue("name", e.name()).addValue("basis", String.join("；", e.basis())).addValue("scope", objectScope.strip())
			.addValue("method", method.strip()).addValue("now", now), Long.class);
		record.append(op, "insp_item", id, bodyId, "inspection.item_created", "随机抽查事项清单新增“" + e.name() + "”（草稿）",
				Map.of("matter", e.code(), "objectScope", objectScope.strip(), "method", method.strip()));
		return get(DataScope.all(), id);
	}

	/** Publishes a draft: from now it is listed for the public and may be drawn. */
	@Transactional
	public Item publish(Operator op, long id, int version) {
		Item i = get(op.scope(), id);
		if (i.status() != Status.DRAFT) {
			throw new BusinessRuleViolation("只有草稿可以公布（本事项" + i.status().label() + "）");
		}
		move(id, version, Status.PUBLISHED, LocalDate.now(clock));
		record.append(op, "insp_item", id, i.bodyId(), "inspection.item_published", "公布随机抽查事项“" + i.name() + "”", Map.of());
		return get(DataScope.all(), id);
	}

	/** Withdraws an item (published or draft) with a reason; it stays in the history. */
	@Transactional
	public Item withdraw(Operator op, long id, int version, String reason) {
		Item i = get(op.scope(), id);
		if (i.status() == Status.WITHDRAWN) {
			throw new BusinessRuleViolation("本事项已撤回");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "reason", "撤回理由", reason, 500);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		move(id, version, Status.WITHDRAWN, i.publishedOn());
		record.append(op, "insp_item", id, i.bodyId(), "inspection.item_withdrawn", "撤回随机抽查事项“" + i.name() + "”：" + reason.strip(),
				Map.of("reason", reason.strip()));
		return get(DataScope.all(), id);
	}

	private void move(long id, int version, Status to, LocalDate publishedOn) {
		int n = jdbc.update("update insp_item set status = :to, published_on = :on, version = version + 1, updated_at = :now where id = :id and version = :v",
				new MapSqlParameterSource().addValue("to", to.name()).addValue("on", publishedOn).addValue("now", Timestamp.from(clock.instant()))
					.addValue("id", id).addValue("v", version));
		if (n != 1) {
			throw new StaleWrite("该随机抽查事项");
		}
	}

	private static void text(Map<String, String> errors, String field, String label, String value, int max) {
		zhifa.inspection.Fields.text(errors, field, label, value, max);
	}

	private static Item row(ResultSet rs, int i) throws SQLException {
		return new Item(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("matter_code"), rs.getString("name"),
				rs.getString("basis"), rs.getString("object_scope"), rs.getString("method"), Status.valueOf(rs.getString("status")),
				rs.getObject("published_on", LocalDate.class), rs.getInt("version"));
	}
}
