import './ui.css';
import './list-page.css';

export { Alert } from './Alert';
export { Button, buttonClassName } from './Button';
export type { ButtonSize, ButtonVariant } from './Button';
export { ConfirmDialog } from './ConfirmDialog';
export { DeleteDialog } from './DeleteDialog';
export { Dialog, DialogActions } from './Dialog';
export { EmptyState } from './EmptyState';
export { Spinner } from './Spinner';
export { TextField } from './TextField';
export { Toaster } from './Toaster';
export { showToast, useToastStore } from './toast.store';
export { classNames } from './classNames';
export { motionMs } from './motion';
export { BrandMark } from './BrandMark';
