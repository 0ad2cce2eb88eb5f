package zhifa.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for the legal library, 执法事项, 事项目录 and 乡镇赋权; a matter by its name, a law by its title. */
@Component
class CatalogRecordVocabulary implements RecordVocabulary {

	private final NamedParameterJdbcTemplate jdbc;

	CatalogRecordVocabulary(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> actions() {
		return Map.ofEntries(Map.entry("legal.imported", "导入法律依据"), Map.entry("matter.created", "新增执法事项"),
				Map.entry("matter.updated", "修改执法事项"), Map.entry("matter.status_changed", "变更事项状态"),
				Map.entry("catalogue.submitted", "报备事项目录"), Map.entry("catalogue.item_reviewed", "审查目录事项"),
				Map.entry("catalogue.returned", "退回事项目录"), Map.entry("catalogue.published", "公布事项目录"),
				Map.entry("catalogue.withdrawn", "撤回事项目录"), Map.entry("township.delegated", "下放乡镇执法事项"),
				Map.entry("township.withdrawn", "收回乡镇执法事项"), Map.entry("township.evaluated", "评估乡镇赋权"),
				Map.entry("township.feedback", "群众评价乡镇赋权"));
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("violatedClauses", "违反条款"), Map.entry("provincialBasis", "省级决定"), Map.entry("carried", "沿用审查结论的事项数"), Map.entry("penaltyClauses", "处罚条款"), Map.entry("matterType", "事项类别"), Map.entry("basis", "法律依据"), Map.entry("provisions", "条款"),
				Map.entry("note", "说明"), Map.entry("items", "事项"), Map.entry("version", "版本"), Map.entry("channel", "渠道"),
				Map.entry("satisfaction", "满意度"), Map.entry("content", "内容"), Map.entry("documentTitle", "文件名称"),
				Map.entry("township", "乡镇（街道）"), Map.entry("shortTitle", "简称"), Map.entry("effective", "施行日期"),
				Map.entry("articles", "条数"), Map.entry("added", "新增事项"), Map.entry("removed", "删除事项"), Map.entry("changed", "变更事项"),
				Map.entry("legality", "合法性"), Map.entry("reasonableness", "合理性"), Map.entry("necessity", "必要性"),
				Map.entry("submission", "报备"), Map.entry("published", "公布日期"), Map.entry("unparsed", "未能识别的条文数"),
				Map.entry("effectiveFrom", "生效日期"), Map.entry("withdrawnOn", "收回日期"), Map.entry("assessor", "评估单位"),
				Map.entry("violationCode", "违法行为编码"), Map.entry("violationCodes", "违法行为编码"), Map.entry("violatedArticle", "违反条款"),
				Map.entry("penaltyArticle", "处罚条款"), Map.entry("issuer", "制定机关"));
	}

	@Override
	public Map<String, String> values() {
		return RecordVocabulary.labelsOf(MatterStatus.class, MatterType.class, LegalDocumentKind.class, Catalogues.SubmissionStatus.class,
				TownshipPowers.Channel.class, TownshipPowers.Satisfaction.class);
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("enforcement_matter", "执法事项", "legal_document", "法律依据", "catalogue_submission", "事项目录报备",
				"catalogue_version", "事项目录", "township_delegation", "乡镇赋权", "township_evaluation", "乡镇赋权评估",
				"township_feedback", "乡镇赋权评价");
	}

	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		List<Long> numeric = ids.stream().filter(i -> i.matches("\\d{1,18}")).map(Long::valueOf).toList();
		String sql = switch (subjectType) {
			case "enforcement_matter" -> "select id, name from enforcement_matter where id in (:ids)";
			case "legal_document" -> "select id, title as name from legal_document where id in (:ids)";
			case "township_delegation" -> "select d.id, m.name from township_delegation d join enforcement_matter m on m.id = d.matter_id where d.id in (:ids)";
			default -> null;
		};
		Map<String, String> names = new HashMap<>();
		if (sql != null && !numeric.isEmpty()) {
			jdbc.query(sql, Map.of("ids", numeric), rs -> {
				names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
			});
		}
		return names;
	}
}
