package zhifa.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What an Excel import did: how many rows were saved, and each rejected row with its number and the reasons in Chinese.
 * Good rows are kept; a bad row changes nothing. Kept in the user's session (stored in PostgreSQL) for the error
 * workbook download, so it is serializable.
 *
 * @param headers the import sheet's header row, when the rejected rows carry their cells: the error workbook is then the
 *        import sheet itself (the rejected rows as they were, the reason in a last column the import does not read), to be
 *        corrected and imported again
 */
public record ImportReport(int created, List<RowError> errors, List<String> headers) implements java.io.Serializable {

	public ImportReport {
		errors = List.copyOf(errors);
		headers = headers == null ? List.of() : List.copyOf(headers);
	}

	public ImportReport(int created, List<RowError> errors) {
		this(created, errors, List.of());
	}

	/** One rejected row: its row number in the sheet (header = 1), what identifies it, why it was rejected, and its cells. */
	public record RowError(int row, String name, String message, List<String> cells) implements java.io.Serializable {

		public RowError {
			cells = cells == null ? List.of() : List.copyOf(cells);
		}

		public RowError(int row, String name, String message) {
			this(row, name, message, List.of());
		}
	}

	/** The rejected rows as a workbook the user can correct and import again. */
	public byte[] errorWorkbook() {
		if (!headers.isEmpty() && !errors.isEmpty() && errors.stream().allMatch(e -> !e.cells().isEmpty())) {
			List<String> head = new ArrayList<>(headers);
			head.add("错误原因（改正后可直接重新导入，本列不导入）");
			List<List<String>> rows = new ArrayList<>();
			for (RowError e : errors) {
				List<String> row = new ArrayList<>(e.cells());
				while (row.size() < headers.size()) {
					row.add("");
				}
				row = new ArrayList<>(row.subList(0, headers.size()));
				row.add("第" + e.row() + "行：" + e.message());
				rows.add(row);
			}
			return Excel.workbook("导入错误", head, rows);
		}
		return Excel.workbook("导入错误", List.of("行号", "名称", "错误原因"),
				errors.stream().map(e -> List.of(String.valueOf(e.row()), e.name() == null ? "" : e.name(), e.message())).toList());
	}
}
