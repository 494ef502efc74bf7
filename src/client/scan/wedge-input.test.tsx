// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { WEDGE_INPUT_ATTR } from './wedge-capture';
import { WedgeInput } from './wedge-input';

afterEach(cleanup);

describe('WedgeInput', () => {
  it('keeps the soft keyboard away and is marked as the wedge, not a text field', () => {
    const router = createMemoryRouter([{ path: '/', element: <WedgeInput /> }]);
    render(<RouterProvider router={router} />);
    const input = screen.getByLabelText('Scanner input');
    expect(input.getAttribute('inputmode')).toBe('none');
    expect(input.hasAttribute(WEDGE_INPUT_ATTR)).toBe(true);
    expect(input.getAttribute('autocomplete')).toBe('off');
    // Nothing else had focus, so the wedge took it: some scan engines only type into a focused field.
    expect(document.activeElement).toBe(input);
  });
});
