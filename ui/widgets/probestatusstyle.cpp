#include "probestatusstyle.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace amlfw {

namespace {

enum class Shape { Check, Cross, Triangle, Square, Ring, Hollow, Dash };

Shape shapeOf(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return Shape::Check;
    case ProbeStatus::TlsInspected:
        return Shape::Triangle; // it works, but someone reads along
    case ProbeStatus::Cancelled:
        return Shape::Square;
    case ProbeStatus::Running:
        return Shape::Ring;
    case ProbeStatus::Pending:
        return Shape::Hollow;
    case ProbeStatus::NotTestable:
        return Shape::Dash;
    default:
        return Shape::Cross;
    }
}

QPixmap paint(ProbeStatus status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = ProbeStatusStyle::accent(ProbeStatusStyle::tone(status));
    const qreal s = size;
    const QRectF box(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    QPen mark(Qt::white, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (shapeOf(status)) {
    case Shape::Check:
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(box);
        p.setPen(mark);
        p.drawPolyline(QPolygonF{{s * 0.28, s * 0.52}, {s * 0.44, s * 0.68}, {s * 0.72, s * 0.34}});
        break;
    case Shape::Cross:
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(box);
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    case Shape::Triangle: {
        QPainterPath path;
        path.moveTo(s * 0.5, s * 0.06);
        path.lineTo(s * 0.96, s * 0.9);
        path.lineTo(s * 0.04, s * 0.9);
        path.closeSubpath();
        p.setPen(QPen(colour, s * 0.06, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(colour);
        p.drawPath(path);
        p.setPen(QPen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.6));
        p.drawPoint(QPointF(s * 0.5, s * 0.76));
        break;
    }
    case Shape::Square:
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(QRectF(s * 0.14, s * 0.14, s * 0.72, s * 0.72), s * 0.12, s * 0.12);
        break;
    case Shape::Ring:
        p.setPen(QPen(colour.lighter(160), s * 0.14));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08));
        p.setPen(QPen(colour, s * 0.14, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(box.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08), 90 * 16, -270 * 16);
        break;
    case Shape::Hollow:
        p.setPen(QPen(colour, s * 0.1));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s * 0.1, s * 0.1, -s * 0.1, -s * 0.1));
        break;
    case Shape::Dash:
        p.setPen(QPen(colour, s * 0.1));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05));
        p.setPen(QPen(colour, s * 0.13, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5));
        break;
    }
    return pixmap;
}

} // namespace

ProbeStatusStyle::Tone ProbeStatusStyle::tone(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return Tone::Good;
    case ProbeStatus::Pending:
    case ProbeStatus::NotTestable:
        return Tone::Neutral;
    case ProbeStatus::Running:
        return Tone::Busy;
    case ProbeStatus::TlsInspected:
    case ProbeStatus::Cancelled:
        return Tone::Warning;
    default:
        return Tone::Bad;
    }
}

QColor ProbeStatusStyle::accent(Tone tone)
{
    // Blue-green and vermilion rather than green and red: apart for every kind of colour vision.
    switch (tone) {
    case Tone::Good:
        return QColor(0x00, 0x7a, 0x5a);
    case Tone::Bad:
        return QColor(0xc8, 0x3b, 0x0b);
    case Tone::Warning:
        return QColor(0xb0, 0x74, 0x00);
    case Tone::Busy:
        return QColor(0x09, 0x69, 0xda);
    case Tone::Neutral:
        break;
    }
    return QColor(0x6e, 0x77, 0x81);
}

QIcon ProbeStatusStyle::icon(ProbeStatus status)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(status));
    if (it == cache.end()) {
        QIcon icon;
        for (int size : {16, 20, 24, 32, 48})
            icon.addPixmap(paint(status, size));
        it = cache.insert(int(status), icon);
    }
    return *it;
}

QColor ProbeStatusStyle::background(ProbeStatus status)
{
    switch (tone(status)) {
    case Tone::Good:
        return QColor(0xe3, 0xf4, 0xec);
    case Tone::Bad:
        return QColor(0xfc, 0xe8, 0xe1);
    case Tone::Warning:
        return QColor(0xfd, 0xf2, 0xd6);
    case Tone::Busy:
    case Tone::Neutral:
        break;
    }
    return {};
}

QColor ProbeStatusStyle::changeBackground(ProbeChange change)
{
    switch (change) {
    case ProbeChange::Fixed:
        return background(ProbeStatus::Ok);
    case ProbeChange::Broken:
        return background(ProbeStatus::TcpRefused);
    case ProbeChange::Changed:
        return background(ProbeStatus::TlsInspected);
    default:
        return {};
    }
}

} // namespace amlfw
