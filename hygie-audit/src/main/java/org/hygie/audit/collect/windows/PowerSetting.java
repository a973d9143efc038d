package org.hygie.audit.collect.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code powercfg /q} output without its labels (they are translated): the last two hexadecimal values of
 * the text are the current AC then DC setting indexes, in every language.
 */
final class PowerSetting {
    private static final Pattern HEX = Pattern.compile(":\\s*0x([0-9a-fA-F]{8})\\s*$", Pattern.MULTILINE);

    private PowerSetting() {
    }

    /** The AC (mains) value, or null when the output has no setting index. */
    static Long ac(String powercfgOutput) {
        if (powercfgOutput == null) {
            return null;
        }
        List<Long> values = new ArrayList<>();
        Matcher m = HEX.matcher(powercfgOutput);
        while (m.find()) {
            values.add(Long.parseLong(m.group(1), 16));
        }
        return values.size() < 2 ? null : values.get(values.size() - 2);
    }
}
