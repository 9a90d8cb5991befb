import './ui.css';

export { Alert } from './Alert';
export { Button, buttonClassName } from './Button';
export type { ButtonSize, ButtonVariant } from './Button';
export { ConfirmDialog } from './ConfirmDialog';
export { Dialog, DialogActions } from './Dialog';
export { Spinner } from './Spinner';
export { TextField } from './TextField';
export { Toaster } from './Toaster';
export { showToast, useToastStore } from './toast.store';
export { classNames } from './classNames';
export { BrandMark } from './BrandMark';
