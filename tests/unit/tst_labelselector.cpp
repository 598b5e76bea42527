// Label selectors: kubectl syntax parsed exactly (canonical form, error positions) and matched
// with apimachinery semantics — no substring hits, != / notin match objects without the key.
#include "models/cluster/labelselector.h"

#include <QtTest>

using Labels = QMap<QString, QString>;

namespace {
Labels labels(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    Labels result;
    for (const auto &[k, v] : pairs)
        result.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    return result;
}
} // namespace

class TestLabelSelector final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("count");
        auto row = [](const char *name, const char *text, const char *canonical, int count) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(canonical) << count;
        };
        row("empty", "", "", 0);
        row("blank", "  \t ", "", 0);
        row("equals", "app=web", "app=web", 1);
        row("double equals", "app==web", "app=web", 1);
        row("not equals", "tier!=db", "tier!=db", 1);
        row("exists", "team", "team", 1);
        row("not exists", "!legacy", "!legacy", 1);
        row("not exists spaced", "! legacy", "!legacy", 1);
        row("in", "env in (prod,stage)", "env in (prod,stage)", 1);
        row("in sorted unique", "env in (stage, prod, stage)", "env in (prod,stage)", 1);
        row("in no space", "env in(prod)", "env in (prod)", 1);
        row("notin", "env notin (dev)", "env notin (dev)", 1);
        row("in empty set", "env in ()", "env in ()", 1);
        row("in leading comma", "env in (,a)", "env in (,a)", 1);
        row("keyword as value", "word in (in,notin)", "word in (in,notin)", 1);
        row("empty value", "app=", "app=", 1);
        row("empty value then more", "app=,team", "app=,team", 2);
        row("spaces around ops", " app = web , tier != db ", "app=web,tier!=db", 2);
        row("greater", "replicas>3", "replicas>3", 1);
        row("less", "replicas < -2", "replicas<-2", 1);
        row("prefixed key", "app.kubernetes.io/name=web", "app.kubernetes.io/name=web", 1);
        row("sorted by key", "tier!=db,app=web,!legacy,env in (prod,stage),team",
            "app=web,env in (prod,stage),!legacy,team,tier!=db", 5);
        row("dotted value", "version=v1.2_3-rc", "version=v1.2_3-rc", 1);
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(int, count);
        LabelSelectorError error;
        const auto selector = LabelSelector::parse(text, &error);
        QVERIFY2(selector, qPrintable(error.toString()));
        QCOMPARE(selector->requirements().size(), count);
        QCOMPARE(selector->toString(), canonical);
        const auto again = LabelSelector::parse(selector->toString());
        QVERIFY(again);
        QCOMPARE(again->requirements(), selector->requirements());
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("messagePart");
        auto row = [](const char *name, const char *text, int pos, const char *part) {
            QTest::newRow(name) << QString::fromUtf8(text) << pos << QString::fromUtf8(part);
        };
        row("lone comma", ",", 0, "expected '!'");
        row("trailing comma", "app=web,", 8, "after ','");
        row("double comma", "a,,b", 2, "after ','");
        row("missing operator value", "app web", 4, "expected one of");
        row("in without paren", "env in prod", 7, "expected '('");
        row("unclosed set", "env in (prod", 12, "expected ',' or ')'");
        row("two values", "env in (a b)", 10, "expected ',' or ')'");
        row("operator as value", "app=!", 4, "expected a value");
        row("bang then equals", "!app=web", 4, "expected ',' or the end");
        row("bang alone", "!", 1, "expected a key");
        row("bad key", "-app=web", 0, "key name");
        row("long key", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=x", 0,
            "key name");
        row("bad prefix", "Example.com/app=x", 0, "key prefix");
        row("bad value", "app=web!", 7, "expected ',' or the end");
        row("bad value chars", "app=we$b", 4, "the value");
        row("value ending dash", "app in (web-)", 8, "the value");
        row("gt not integer", "replicas>three", 9, "whole number");
        row("paren as key", "(app)", 0, "expected '!'");
        row("in as key", "in", 0, "expected '!'");
    }
    void rejectsInvalid()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, messagePart);
        LabelSelectorError error;
        QVERIFY(!LabelSelector::parse(text, &error));
        QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
        QCOMPARE(error.position, position);
        QVERIFY(error.toString().startsWith(QStringLiteral("column %1: ").arg(position + 1)));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<bool>("expected");
        const Labels nginx = labels({{"app", "nginx"}, {"tier", "web"}, {"env", "prod"}});
        const Labels ingress = labels({{"app", "nginx-ingress"}, {"env", "stage"}});
        const Labels none;
        auto row = [](const char *name, const char *sel, const Labels &l, bool expected) {
            QTest::newRow(name) << QString::fromUtf8(sel) << l << expected;
        };
        row("equals hit", "app=nginx", nginx, true);
        row("no substring hit", "app=nginx", ingress, false);
        row("no prefix hit", "app=nginx-ingress-x", ingress, false);
        row("equals missing key", "app=nginx", none, false);
        row("not equals other", "app!=nginx", ingress, true);
        row("not equals same", "app!=nginx", nginx, false);
        row("not equals missing key", "app!=nginx", none, true);
        row("in hit", "env in (prod,stage)", ingress, true);
        row("in miss", "env in (dev)", nginx, false);
        row("in missing key", "env in (prod)", none, false);
        row("notin hit", "env notin (prod)", nginx, false);
        row("notin other", "env notin (prod)", ingress, true);
        row("notin missing key", "env notin (prod)", none, true);
        row("exists", "tier", nginx, true);
        row("exists missing", "tier", ingress, false);
        row("not exists", "!tier", ingress, true);
        row("not exists present", "!tier", nginx, false);
        row("empty matches all", "", none, true);
        row("and all hold", "app=nginx,tier,env in (prod)", nginx, true);
        row("and one fails", "app=nginx,!tier", nginx, false);
        row("empty value matches empty label", "app=", labels({{"app", ""}}), true);
        row("empty value not missing", "app=", none, false);
        row("greater", "n>3", labels({{"n", "4"}}), true);
        row("greater equal bound", "n>3", labels({{"n", "3"}}), false);
        row("greater non numeric label", "n>3", labels({{"n", "four"}}), false);
        row("less", "n<3", labels({{"n", "-1"}}), true);
        row("case sensitive", "app=Nginx", nginx, false);
    }
    void matches()
    {
        QFETCH(QString, selector);
        QFETCH(Labels, labels);
        QFETCH(bool, expected);
        const auto parsed = LabelSelector::parse(selector);
        QVERIFY(parsed);
        QCOMPARE(parsed->matches(labels), expected);
    }

    void defaultMatchesEverything()
    {
        QVERIFY(LabelSelector().matches({}));
        QVERIFY(LabelSelector().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLabelSelector)
#include "tst_labelselector.moc"
