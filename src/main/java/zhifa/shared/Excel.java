package zhifa.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading and writing the simple one-sheet .xlsx tables used for import, export and error reports. */
public final class Excel {

	/** Most data rows read from one upload. */
	public static final int MAX_ROWS = 5000;

	private Excel() {
	}

	/** All rows of the first sheet as text (the header row included), each with {@code columns} cells. */
	/** The mark a template's example row starts with; {@link #read} skips such a row. */
	public static final String SAMPLE = "【示例，导入时跳过】";

	/** A template's example row: its first cell marked {@link #SAMPLE}. */
	public static List<Object> sample(List<?> row) {
		List<Object> marked = new ArrayList<>(row);
		marked.set(0, SAMPLE + marked.get(0));
		return marked;
	}

	public static List<List<String>> read(InputStream in, int columns) {
		try (Workbook wb = WorkbookFactory.create(in)) {
			Sheet sheet = wb.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new BusinessRuleViolation("一次最多导入" + MAX_ROWS + "行");
			}
			DataFormatter fmt = new DataFormatter();
			// a formula is read as the value Excel shows for it, not as its text ("=1+1" had been imported as a name "1+1")
			fmt.setUseCachedValuesForFormulaCells(true);
			List<List<String>> rows = new ArrayList<>();
			for (int i = 0; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					Cell cell = row == null ? null : row.getCell(c);
					// without the control characters and invisible direction marks copying brings along: the database would refuse a
					// NUL midway through an import, and a direction mark shows a text other than it is
					cells.add(cell == null ? "" : zhifa.shared.web.RequestLimits.visible(text(fmt, cell)).strip());
				}
				// a template's example row, left in: read as empty (it was imported as a real officer, 张三 born 1949)
				rows.add(cells.get(0).startsWith(SAMPLE) ? new ArrayList<>(java.util.Collections.nCopies(columns, "")) : cells);
			}
			return rows;
		}
		catch (BusinessRuleViolation e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new BusinessRuleViolation("无法读取文件，请上传 .xlsx 格式的 Excel 文件");
		}
	}

	/**
	 * A cell as its text. A number of sixteen digits or more is an ID typed into a cell Excel keeps as a number, which has
	 * already lost the digits after the fifteenth: read as Excel shows it (5.33103E+17), which no check takes for a number.
	 */
	private static String text(DataFormatter fmt, Cell cell) {
		// a formula whose value was never calculated (a file written by a tool that stores none) is empty, not "0"
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA && cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x
				&& !x.getCTCell().isSetV()) {
			return "";
		}
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && Math.abs(cell.getNumericCellValue()) >= 1e15
				&& !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			return new java.math.BigDecimal(cell.getNumericCellValue()).round(new java.math.MathContext(6)).toString();
		}
		return fmt.formatCellValue(cell);
	}

	/**
	 * One sheet of a workbook: its name, header row and data rows. A cell is text, or a number Excel can add up: a
	 * {@link Number} as it is, {@link Yuan} an amount ({@code #,##0.00}), {@link Percent} a rate ({@code 0.0%}).
	 */
	public record SheetData(String name, List<String> headers, List<? extends List<?>> rows) {
	}

	/** An amount of money in a cell, as a number of yuan with two decimals (the column's header says 元). */
	public record Yuan(long fen) {
	}

	/** A rate in a cell, given in per cent ({@code 33.3} is shown as {@code 33.3%}). */
	public record Percent(java.math.BigDecimal perCent) {
	}

	/** An amount's cell ({@code fen} null: none, 0.00). */
	public static Yuan yuan(Long fen) {
		return new Yuan(fen == null ? 0 : fen);
	}

	/** A rate's cell, or "—" when there is nothing to divide by. */
	public static Object percent(java.math.BigDecimal perCent) {
		return perCent == null ? "—" : new Percent(perCent);
	}

	public static byte[] workbook(String sheetName, List<String> headers, List<? extends List<?>> rows) {
		return workbook(List.of(new SheetData(sheetName, headers, rows)));
	}

	public static byte[] workbook(List<SheetData> sheets) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle integer = wb.createCellStyle();
			integer.setDataFormat(wb.createDataFormat().getFormat("0"));
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			CellStyle percent = wb.createCellStyle();
			percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
			for (SheetData data : sheets) {
				Sheet sheet = wb.createSheet(data.name());
				Row head = sheet.createRow(0);
				for (int i = 0; i < data.headers().size(); i++) {
					Cell c = head.createCell(i);
					c.setCellValue(data.headers().get(i));
					c.setCellStyle(bold);
					sheet.setColumnWidth(i, 20 * 256);
				}
				for (int r = 0; r < data.rows().size(); r++) {
					Row row = sheet.createRow(r + 1);
					List<?> cells = data.rows().get(r);
					for (int i = 0; i < cells.size(); i++) {
						Cell cell = row.createCell(i);
						Object v = cells.get(i);
						if (v instanceof Yuan y) {
							cell.setCellValue(java.math.BigDecimal.valueOf(y.fen(), 2).doubleValue());
							cell.setCellStyle(money);
						}
						else if (v instanceof Percent p) {
							cell.setCellValue(p.perCent().movePointLeft(2).doubleValue());
							cell.setCellStyle(percent);
						}
						else if (v instanceof Long || v instanceof Integer) {
							cell.setCellValue(((Number) v).longValue());
							cell.setCellStyle(integer);
						}
						else if (v instanceof Number n) {
							cell.setCellValue(n.doubleValue());
						}
						else {
							cell.setCellValue(v == null ? "" : v.toString());
						}
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** "是" → true, "否" or empty → false, anything else is a problem added to the list. */
	public static boolean yes(String text, String column, List<String> problems) {
		if (text.isBlank() || text.equals("否")) {
			return false;
		}
		if (text.equals("是")) {
			return true;
		}
		problems.add(column + "应填“是”或“否”");
		return false;
	}
}
