#pragma once
// The edit of the open photo: its current recipe and the undo history. Every change goes through
// here as a whole-recipe command (before → after), so undo restores exactly what was shown. A
// slider drag changes the recipe live and becomes one undo step when the slider is released.
#include "recipe/Recipe.h"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace pictor::ui {

// Who changed the recipe: the instruction editor must not rewrite the text the user is typing.
enum class EditOrigin { Load, Sliders, Text, Critique, History };

class EditSession : public QObject {
    Q_OBJECT
public:
    explicit EditSession(QObject* parent = nullptr);

    const Recipe& recipe() const { return m_recipe; }
    QUndoStack* undoStack() { return &m_undo; }

    // A new photo: its saved recipe, no history.
    void load(const Recipe& recipe);
    // One undoable change. Consecutive changes with the same mergeKey (e.g. a number typed into
    // the same box) become one step; an empty key never merges.
    void apply(const Recipe& after, const QString& description, EditOrigin origin,
               const QString& mergeKey = {});

    // A drag: live changes without history, then one step (or none if nothing changed).
    void beginDrag();
    void dragTo(const Recipe& recipe, EditOrigin origin);
    void endDrag(const QString& description);
    bool dragging() const { return m_dragBase.has_value(); }

Q_SIGNALS:
    void recipeChanged(const pictor::Recipe& recipe, pictor::ui::EditOrigin origin);
    void dragEnded(); // after endDrag, also when the drag ended where it began

private:
    friend class RecipeCommand;
    void set(const Recipe& recipe, EditOrigin origin);

    Recipe m_recipe;
    std::optional<Recipe> m_dragBase;
    EditOrigin m_dragOrigin = EditOrigin::Sliders;
    QUndoStack m_undo;
};

} // namespace pictor::ui
