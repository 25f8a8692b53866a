#include "condition.h"

#include "translatabletext.h"

#include <vector>

namespace amlfw {

// And and Or take any number of operands, so that a chain "a & b & ... & z" is one node, not a
// tree as deep as the chain: evaluation, collection and destruction recurse only as deep as the
// brackets and negations, which the parser bounds.
struct Condition::Node
{
    enum class Op { Identifier, Not, And, Or };
    Op op = Op::Identifier;
    QString identifier;
    std::vector<std::shared_ptr<const Node>> operands; // Not: one; And, Or: two or more
};

namespace {

using NodePtr = std::shared_ptr<const Condition::Node>;
using Node = Condition::Node;

constexpr int MaxDepth = 64;   // brackets and negations
constexpr int MaxTerms = 1000; // feature ids; the catalog's longest condition has a handful

// Recursive descent over: or := and ('|' and)* ; and := unary ('&' unary)* ;
// unary := '!' unary | '(' or ')' | identifier. Recursion follows brackets and negations only.
class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
    }

    NodePtr parse(TranslatableText *error)
    {
        NodePtr node = parseOr();
        skipSpace();
        if (m_error.isEmpty() && m_pos < m_text.size())
            fail(TranslatableText("amlfw::Condition",
                                  QT_TRANSLATE_NOOP("amlfw::Condition", "unexpected \"%1\" at position %2"))
                     .arg(QString(m_text.at(m_pos)))
                     .arg(m_pos + 1));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return node;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool accept(QChar c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void fail(const TranslatableText &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    NodePtr chain(Node::Op op, QChar symbol, NodePtr (Parser::*operand)())
    {
        NodePtr first = (this->*operand)();
        if (!m_error.isEmpty() || !accept(symbol))
            return first;
        auto node = std::make_shared<Node>();
        node->op = op;
        node->operands.push_back(std::move(first));
        do {
            node->operands.push_back((this->*operand)());
        } while (m_error.isEmpty() && accept(symbol));
        return node;
    }
    NodePtr parseOr() { return chain(Node::Op::Or, u'|', &Parser::parseAnd); }
    NodePtr parseAnd() { return chain(Node::Op::And, u'&', &Parser::parseUnary); }
    NodePtr parseUnary()
    {
        if (m_depth >= MaxDepth) {
            fail(TranslatableText("amlfw::Condition", QT_TRANSLATE_NOOP("amlfw::Condition", "nested too deeply")));
            return nullptr;
        }
        ++m_depth;
        NodePtr result;
        if (accept(u'!')) {
            auto node = std::make_shared<Node>();
            node->op = Node::Op::Not;
            node->operands.push_back(parseUnary());
            result = node;
        } else if (accept(u'(')) {
            result = parseOr();
            if (!accept(u')'))
                fail(TranslatableText("amlfw::Condition", QT_TRANSLATE_NOOP("amlfw::Condition", "missing \")\"")));
        } else {
            result = parseIdentifier();
        }
        --m_depth;
        return result;
    }
    NodePtr parseIdentifier()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()
               && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'-' || m_text.at(m_pos) == u'_'))
            ++m_pos;
        if (start == m_pos) {
            fail(m_pos < m_text.size()
                     ? TranslatableText("amlfw::Condition",
                                        QT_TRANSLATE_NOOP("amlfw::Condition", "expected a feature id at position %1"))
                           .arg(m_pos + 1)
                     : TranslatableText("amlfw::Condition",
                                        QT_TRANSLATE_NOOP("amlfw::Condition", "expected a feature id at the end")));
            return nullptr;
        }
        if (++m_terms > MaxTerms) {
            fail(TranslatableText("amlfw::Condition",
                                  QT_TRANSLATE_NOOP("amlfw::Condition", "too long (more than %1 feature ids)"))
                     .arg(MaxTerms));
            return nullptr;
        }
        auto node = std::make_shared<Node>();
        node->identifier = m_text.mid(start, m_pos - start);
        return node;
    }

    const QString m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    int m_terms = 0;
    TranslatableText m_error;
};

bool evaluateNode(const Node *node, const QSet<QString> &features)
{
    switch (node->op) {
    case Node::Op::Identifier:
        return features.contains(node->identifier);
    case Node::Op::Not:
        return !evaluateNode(node->operands.front().get(), features);
    case Node::Op::And:
        for (const NodePtr &operand : node->operands) {
            if (!evaluateNode(operand.get(), features))
                return false;
        }
        return true;
    case Node::Op::Or:
        for (const NodePtr &operand : node->operands) {
            if (evaluateNode(operand.get(), features))
                return true;
        }
        return false;
    }
    return false;
}

void collect(const Node *node, bool negated, bool positiveOnly, QSet<QString> *seen, QStringList *out)
{
    if (!node)
        return;
    if (node->op == Node::Op::Identifier) {
        if ((!positiveOnly || !negated) && !seen->contains(node->identifier)) {
            seen->insert(node->identifier);
            out->append(node->identifier);
        }
        return;
    }
    const bool operandsNegated = node->op == Node::Op::Not ? !negated : negated;
    for (const NodePtr &operand : node->operands)
        collect(operand.get(), operandsNegated, positiveOnly, seen, out);
}

} // namespace

Condition Condition::parse(const QString &text, QString *error)
{
    TranslatableText message;
    Condition condition = parse(text, &message);
    if (error && !message.isEmpty())
        *error = message.toString();
    return condition;
}

Condition Condition::parse(const QString &text, TranslatableText *error)
{
    Condition condition;
    condition.m_text = text.trimmed();
    if (condition.m_text.isEmpty())
        return condition;
    TranslatableText message;
    NodePtr root = Parser(condition.m_text).parse(&message);
    if (!root) {
        if (error)
            *error = message;
        condition.m_text.clear();
        return condition;
    }
    condition.m_root = root;
    return condition;
}

bool Condition::evaluate(const QSet<QString> &features) const
{
    return !m_root || evaluateNode(m_root.get(), features);
}

QStringList Condition::identifiers() const
{
    QSet<QString> seen;
    QStringList out;
    collect(m_root.get(), false, false, &seen, &out);
    return out;
}

QStringList Condition::positiveIdentifiers() const
{
    QSet<QString> seen;
    QStringList out;
    collect(m_root.get(), false, true, &seen, &out);
    return out;
}

} // namespace amlfw
