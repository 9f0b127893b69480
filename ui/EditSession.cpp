#include "EditSession.h"

#include <QUndoCommand>

namespace pictor::ui {

class RecipeCommand : public QUndoCommand {
public:
    RecipeCommand(EditSession* session, Recipe before, Recipe after, const QString& text,
                  EditOrigin origin, QString mergeKey)
        : QUndoCommand(text)
        , m_session(session)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_origin(origin)
        , m_mergeKey(std::move(mergeKey)) {}

    void undo() override { m_session->set(m_before, EditOrigin::History); }
    void redo() override {
        // The first redo (from push) applies the change with its own origin; later ones are
        // history.
        m_session->set(m_after, m_first ? m_origin : EditOrigin::History);
        m_first = false;
    }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const RecipeCommand*>(other);
        if (o->m_mergeKey != m_mergeKey) return false;
        m_after = o->m_after;
        return true;
    }

private:
    EditSession* m_session;
    Recipe m_before;
    Recipe m_after;
    EditOrigin m_origin;
    QString m_mergeKey;
    bool m_first = true;
};

EditSession::EditSession(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<pictor::ui::EditOrigin>();
}

void EditSession::set(const Recipe& recipe, EditOrigin origin) {
    m_recipe = recipe;
    Q_EMIT recipeChanged(m_recipe, origin);
}

void EditSession::load(const Recipe& recipe) {
    m_dragBase.reset();
    m_undo.clear();
    set(recipe, EditOrigin::Load);
}

void EditSession::apply(const Recipe& after, const QString& description, EditOrigin origin,
                        const QString& mergeKey) {
    if (after == m_recipe) return;
    m_undo.push(new RecipeCommand(this, m_recipe, after, description, origin, mergeKey));
}

void EditSession::beginDrag() {
    m_dragBase = m_recipe;
}

void EditSession::dragTo(const Recipe& recipe, EditOrigin origin) {
    if (!m_dragBase) beginDrag();
    m_dragOrigin = origin;
    set(recipe, origin);
}

void EditSession::endDrag(const QString& description) {
    if (!m_dragBase) return;
    Recipe before = std::move(*m_dragBase);
    m_dragBase.reset();
    // The recipe already shows the drag's end; pushing re-applies it (harmless, same value).
    if (before != m_recipe)
        m_undo.push(
            new RecipeCommand(this, std::move(before), m_recipe, description, m_dragOrigin, {}));
    Q_EMIT dragEnded();
}

} // namespace pictor::ui
