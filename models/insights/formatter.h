#pragma once

// Turns raw figures into the text the UI shows — CPU, bytes, percentages, durations, ages and
// dates — in the user's language: numbers follow the QLocale, words and patterns the translation.
#include "models/metrics/metricshistory.h"
#include "models/metrics/utilisation.h"

#include <QDateTime>
#include <QLocale>
#include <QString>

// Choices (docs/metrics.md, "Formatting"): a regular space between number and unit; percentages
// "83%" in English and "83 %" (narrow no-break space) in German; "–" for a missing figure.
class Formatter final
{
public:
    // Shown wherever there is no figure (no data, stale).
    static QString missing();

    // Below one core in millicores as Kubernetes writes them ("250m", "0.4m"), from one core on
    // in cores with at most two decimals ("1.25 cores", "1,25 Kerne", "1 core").
    static QString cpu(double millicores, const QLocale &locale = QLocale());
    // Binary units B, KiB, MiB, GiB, TiB, PiB with three significant digits at most:
    // "512 B", "1.5 GiB", "12.3 MiB", "512 MiB"; "1,5 GiB" in German.
    static QString bytes(double bytes, const QLocale &locale = QLocale());
    // CPU in millicores, working set and RSS in bytes.
    static QString value(Metric metric, double value, const QLocale &locale = QLocale());
    // One decimal below 10 ("2.5%"), whole numbers from 10 on ("83%", "83 %").
    static QString percent(double percent, const QLocale &locale = QLocale());
    // "83% of limit", "6.3% of node allocatable"; missing() without a figure.
    static QString utilisation(const Utilisation &u, const QLocale &locale = QLocale());

    // The two largest units: "3d 4h", "4h 5m", "5m 3s", "42s" ("3 T 4 Std" in German);
    // negative durations count as 0.
    static QString duration(qint64 seconds, const QLocale &locale = QLocale());
    // The largest unit only, for "last reported": "5m ago", "vor 5 Min", "just now".
    static QString age(qint64 seconds, const QLocale &locale = QLocale());
    // "2026-11-26 14:03" in English (unambiguous), "26.11.2026 14:03" in German; in the time
    // zone the QDateTime carries (convert with toLocalTime() for display).
    static QString dateTime(const QDateTime &dateTime, const QLocale &locale = QLocale());
};
