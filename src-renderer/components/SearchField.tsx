/**
 * The type-to-find box in front of a list of options: the big search box of a list screen (members,
 * products) or the smaller combobox of a picker (member, product). It keeps focus while ↑/↓ move
 * through the list it drives (aria-activedescendant), nothing "corrects" what a person or a barcode
 * scanner types, and Esc empties it first (with nothing typed, Esc goes on to the screen: back, cancel).
 */
import type { InputHTMLAttributes, KeyboardEvent, ReactNode, Ref } from 'react';
import { Icon, type IconName } from './Icon.tsx';
import type { ListNavigation } from './use-list-navigation.ts';

interface SearchFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'value' | 'onChange' | 'onKeyDown' | 'role'> {
  /** "search": a list screen's big box; "picker": a combobox with a dropdown list. */
  look: 'search' | 'picker';
  icon: IconName;
  /** More classes on the box. */
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  value: string;
  onValue: (value: string) => void;
  /** Keys other than the Esc that empties the box. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The listbox it drives, and the highlight in it (no option: the list is not shown). */
  listId: string;
  nav: ListNavigation;
  /** After the input inside the box (e.g. a keys hint). */
  children?: ReactNode;
}

export function SearchField({ look, icon, className, inputRef, value, onValue, onKeyDown, listId, nav, children, ...input }: SearchFieldProps) {
  const combobox = look === 'picker';
  const expanded = nav.index >= 0;
  return (
    <div className={className ? `search-field ${className}` : 'search-field'}>
      <Icon name={icon} size={combobox ? 20 : 22} className={`search-field-icon ${look}-icon`} />
      <input
        ref={inputRef}
        type="search"
        className={`search-field-input ${look}-input`}
        role={combobox ? 'combobox' : undefined}
        aria-expanded={combobox ? expanded : undefined}
        aria-autocomplete={combobox ? 'list' : undefined}
        aria-controls={expanded ? listId : undefined}
        aria-activedescendant={nav.activeId}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint={combobox ? undefined : 'search'}
        {...input}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            event.stopPropagation();
            onValue('');
            return;
          }
          onKeyDown?.(event);
        }}
      />
      {children}
    </div>
  );
}
