#include "condition.h"

#include <QCoreApplication>

namespace amlfw {

struct Condition::Node
{
    enum class Op { Identifier, Not, And, Or };
    Op op = Op::Identifier;
    QString identifier;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
};

namespace {

using NodePtr = std::shared_ptr<const Condition::Node>;
using Node = Condition::Node;

// Recursive descent over: or := and ('|' and)* ; and := unary ('&' unary)* ;
// unary := '!' unary | '(' or ')' | identifier
class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) {}

    NodePtr parse(QString *error)
    {
        NodePtr node = parseOr();
        skipSpace();
        if (m_error.isEmpty() && m_pos < m_text.size())
            fail(QCoreApplication::translate("amlfw::Condition", "unexpected \"%1\" at position %2")
                     .arg(m_text.at(m_pos))
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
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    NodePtr binary(Node::Op op, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->op = op;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }
    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (m_error.isEmpty() && accept(u'|'))
            left = binary(Node::Op::Or, left, parseAnd());
        return left;
    }
    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (m_error.isEmpty() && accept(u'&'))
            left = binary(Node::Op::And, left, parseUnary());
        return left;
    }
    NodePtr parseUnary()
    {
        if (++m_depth > 64) {
            fail(QCoreApplication::translate("amlfw::Condition", "nested too deeply"));
            return nullptr;
        }
        NodePtr result;
        if (accept(u'!')) {
            auto node = std::make_shared<Node>();
            node->op = Node::Op::Not;
            node->left = parseUnary();
            result = node;
        } else if (accept(u'(')) {
            result = parseOr();
            if (!accept(u')'))
                fail(QCoreApplication::translate("amlfw::Condition", "missing \")\""));
        } else {
            skipSpace();
            const qsizetype start = m_pos;
            while (m_pos < m_text.size()
                   && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'-' || m_text.at(m_pos) == u'_'))
                ++m_pos;
            if (start == m_pos) {
                fail(m_pos < m_text.size()
                         ? QCoreApplication::translate("amlfw::Condition", "expected a feature id at position %1")
                               .arg(m_pos + 1)
                         : QCoreApplication::translate("amlfw::Condition", "expected a feature id at the end"));
            } else {
                auto node = std::make_shared<Node>();
                node->identifier = m_text.mid(start, m_pos - start);
                result = node;
            }
        }
        --m_depth;
        return result;
    }

    const QString m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QString m_error;
};

bool evaluateNode(const Node *node, const QSet<QString> &features)
{
    switch (node->op) {
    case Node::Op::Identifier:
        return features.contains(node->identifier);
    case Node::Op::Not:
        return !evaluateNode(node->left.get(), features);
    case Node::Op::And:
        return evaluateNode(node->left.get(), features) && evaluateNode(node->right.get(), features);
    case Node::Op::Or:
        return evaluateNode(node->left.get(), features) || evaluateNode(node->right.get(), features);
    }
    return false;
}

void collect(const Node *node, bool negated, bool positiveOnly, QStringList *out)
{
    if (!node)
        return;
    switch (node->op) {
    case Node::Op::Identifier:
        if ((!positiveOnly || !negated) && !out->contains(node->identifier))
            out->append(node->identifier);
        break;
    case Node::Op::Not:
        collect(node->left.get(), !negated, positiveOnly, out);
        break;
    case Node::Op::And:
    case Node::Op::Or:
        collect(node->left.get(), negated, positiveOnly, out);
        collect(node->right.get(), negated, positiveOnly, out);
        break;
    }
}

} // namespace

Condition Condition::parse(const QString &text, QString *error)
{
    Condition condition;
    condition.m_text = text.trimmed();
    if (condition.m_text.isEmpty())
        return condition;
    QString message;
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
    QStringList out;
    collect(m_root.get(), false, false, &out);
    return out;
}

QStringList Condition::positiveIdentifiers() const
{
    QStringList out;
    collect(m_root.get(), false, true, &out);
    return out;
}

} // namespace amlfw
