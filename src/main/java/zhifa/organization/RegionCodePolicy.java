package zhifa.organization;

import java.util.Optional;

/**
 * Checks a region's level and official code against its parent (GB/T 2260 and the 统计用区划代码 for townships):
 * a province has a 6-digit code ending 0000; a prefecture shares the province's first 2 digits and ends 00; a county
 * shares the prefecture's first 4 (or, directly under a province, its first 2) and does not end 00; a township has
 * 9 digits beginning with the county's 6. A township's code may be left empty until the official code is known.
 */
public final class RegionCodePolicy {

	private RegionCodePolicy() {
	}

	public static Optional<String> problem(RegionLevel level, String code, Region parent) {
		if (level == RegionLevel.PROVINCE) {
			if (parent != null) {
				return Optional.of("省级区划不能有上级区划");
			}
		}
		else {
			if (parent == null) {
				return Optional.of("请选择上级区划");
			}
			boolean fits = switch (level) {
				case PREFECTURE -> parent.level() == RegionLevel.PROVINCE;
				case COUNTY -> parent.level() == RegionLevel.PREFECTURE || parent.level() == RegionLevel.PROVINCE;
				case TOWNSHIP -> parent.level() == RegionLevel.COUNTY;
				default -> false;
			};
			if (!fits) {
				return Optional.of(level.label() + "区划不能设在" + parent.level().label() + "区划“" + parent.name() + "”之下");
			}
		}
		if (code == null || code.isBlank()) {
			return level == RegionLevel.TOWNSHIP ? Optional.empty() : Optional.of(level.label() + "区划必须填写区划代码");
		}
		if (level == RegionLevel.TOWNSHIP) {
			if (!code.matches("\\d{9}")) {
				return Optional.of("乡级区划代码应为9位数字");
			}
		}
		else if (!code.matches("\\d{6}")) {
			return Optional.of("区划代码应为6位数字");
		}
		String parentCode = parent == null ? null : parent.code();
		switch (level) {
			case PROVINCE -> {
				if (!code.endsWith("0000") || code.startsWith("00")) {
					return Optional.of("省级区划代码应为“XX0000”形式");
				}
			}
			case PREFECTURE -> {
				if (!code.endsWith("00") || code.endsWith("0000")) {
					return Optional.of("地级区划代码应为“XXXX00”形式且后四位不全为0");
				}
				if (parentCode != null && !code.startsWith(parentCode.substring(0, 2))) {
					return Optional.of("区划代码 " + code + " 与上级“" + parent.name() + "”（" + parentCode + "）的前2位不一致");
				}
			}
			case COUNTY -> {
				if (code.endsWith("00")) {
					return Optional.of("县级区划代码后两位不能为00");
				}
				int prefix = parent.level() == RegionLevel.PROVINCE ? 2 : 4;
				if (parentCode != null && !code.startsWith(parentCode.substring(0, prefix))) {
					return Optional.of("区划代码 " + code + " 与上级“" + parent.name() + "”（" + parentCode + "）的前" + prefix + "位不一致");
				}
			}
			case TOWNSHIP -> {
				if (parentCode == null) {
					return Optional.of("上级区划“" + parent.name() + "”尚无区划代码，本级代码暂不能填写");
				}
				if (!code.startsWith(parentCode)) {
					return Optional.of("乡级区划代码 " + code + " 应以上级“" + parent.name() + "”的代码 " + parentCode + " 开头");
				}
			}
		}
		return Optional.empty();
	}
}
